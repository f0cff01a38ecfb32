import { LEADERSHIP_PRINCIPLES, type LpId } from '../core/lp.js';

const LP_BY_NAME = new Map<string, LpId>(
  LEADERSHIP_PRINCIPLES.map((lp) => [lp.name.toLowerCase().replace(/[’']/g, "'"), lp.id]),
);

/** An LP given by its id or its name ("Earn Trust"), or null when it is neither. */
export function lpFromName(value: string): LpId | null {
  const key = value.toLowerCase().replace(/[’']/g, "'");
  return LP_BY_NAME.get(key) ?? LEADERSHIP_PRINCIPLES.find((lp) => lp.id === key)?.id ?? null;
}
