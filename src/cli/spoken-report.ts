import type { SpokenTiming } from '../core/spoken.js';
import { deliveryTips } from '../core/spoken.js';

const PACE_LABEL = { missing: 'missing', short: 'short', 'on-target': 'on target', long: 'long' } as const;

/** The real timing of a spoken answer (from its transcript), for the terminal. */
export function renderSpokenTiming(timing: SpokenTiming): string[] {
  const lines = ['', `Spoken timing (from the transcript: ${timing.spokenSeconds} s spoken)`];
  for (const p of timing.parts)
    lines.push(
      `  ${p.part.padEnd(11)} ${`${p.seconds} s`.padStart(7)} / ${`${p.targetSeconds} s`.padStart(5)}  ${PACE_LABEL[p.pace]}`,
    );
  lines.push(`  pace        ${timing.wordsPerMinute} words a minute (${timing.words} words)`);
  const pauses = timing.pauses.map((p) => `${p.seconds} s at ${p.at} s`).join(', ');
  lines.push(`  pauses      ${timing.pauses.length}${pauses ? ` (${pauses})` : ''}`);
  const kinds = Object.entries(timing.fillers)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
  lines.push(`  fillers     ${timing.fillersPerMinute} a minute${kinds ? ` (${kinds})` : ''}`);
  for (const tip of deliveryTips(timing)) lines.push(`  → ${tip}`);
  return lines;
}
