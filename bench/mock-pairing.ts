// `npm run bench` (fifth part): the weekly mock interview pairing (core/mock-pairing.ts) for pools
// of 5 to 80 people over four timezones, twelve weekly rounds each, every round seeing the history
// of the ones before (as the job does). Pure computation: no database, no Slack.
import { type PastPairing, pairPool } from '../src/core/mock-pairing.js';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles'];
const WEEK = 7 * 86_400_000;
const START = Date.parse('2026-11-30T09:00:00Z');
const ROUNDS = 12;

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

for (const size of [5, 12, 40, 80]) {
  const people = Array.from({ length: size }, (_, i) => ({
    userId: `U${String(i).padStart(4, '0')}`,
    timezone: ZONES[i % ZONES.length],
  }));
  const history: PastPairing[] = [];
  const random = seeded(size);
  const times: number[] = [];
  let repeats = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const now = new Date(START + round * WEEK);
    const started = performance.now();
    const plan = pairPool(people, history, now, random);
    times.push(performance.now() - started);
    for (const g of plan.groups) {
      if (g.repeat) repeats++;
      history.push({ ...g, createdAt: now.toISOString() });
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `mock pairing, ${String(size).padStart(2)} people: median ${sorted[Math.floor(ROUNDS / 2)].toFixed(1)} ms a round, worst ${sorted[ROUNDS - 1].toFixed(1)} ms, ${repeats} repeated pair(s) in ${ROUNDS} rounds`,
  );
}
