import type { LpId } from './lp.js';

// Issue 13 converts the library one LP at a time. An LP listed here is read with the current
// schema (scenario.ts) and held to every content check; the others are read with the old one
// (scenario-legacy.ts) and their findings are only counted. A writer adds an LP here in the same
// commit that converts it. When all sixteen are listed, delete this file and scenario-legacy.ts:
// every check then applies to the whole library.

/** The LPs already converted to the current scenario format. */
export const CONVERTED_LPS: readonly LpId[] = [
  'ownership',
  'customer-obsession',
  'deliver-results',
  'bias-for-action',
  'dive-deep',
  'are-right-a-lot',
  'strive-to-be-earths-best-employer',
  'success-and-scale-bring-broad-responsibility',
  'think-big',
  'earn-trust',
  'frugality',
  'have-backbone-disagree-and-commit',
  'hire-and-develop-the-best',
  'insist-on-the-highest-standards',
  'learn-and-be-curious',
  'invent-and-simplify',
];

export function isConverted(lp: LpId): boolean {
  return CONVERTED_LPS.includes(lp);
}
