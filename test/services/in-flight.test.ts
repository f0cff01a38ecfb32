import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/services/in-flight.js';

describe('InFlight', () => {
  it('lets a stop wait for work in progress', async () => {
    const inFlight = new InFlight();
    let finished = false;
    const work = inFlight.run(async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    });
    expect(inFlight.size).toBe(1);
    await inFlight.idle(5_000);
    expect(finished).toBe(true);
    await work;
    expect(inFlight.size).toBe(0);
  });
});
