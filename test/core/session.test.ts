import { describe, expect, it } from 'vitest';
import { advance, MAIN_ANSWER, probesStarted, type SessionPlan, slotFor } from '../../src/core/session.js';

const DM: SessionPlan = { probes: 3, probesFollowAnswer: false };
const CHANNEL: SessionPlan = { probes: 1, probesFollowAnswer: true };
const asked = { state: 'asked', probeIndex: -1 } as const;

describe('the session state machine', () => {
  it('DM practice: answered (more messages keep it there), probes only after the button, one by one, then done', () => {
    const answered = advance(asked, 'answered', DM);
    expect(answered).toEqual({ state: 'answered', probeIndex: -1 });
    expect(advance(answered ?? asked, 'answered', DM)).toEqual(answered);
    const probing = advance(answered ?? asked, 'probes-started', DM);
    expect(probing).toEqual({ state: 'probing', probeIndex: 0 });
    expect(advance(probing ?? asked, 'probes-started', DM)).toBeUndefined(); // pressed twice
    const second = advance(probing ?? asked, 'probe-answered', DM);
    expect(second).toEqual({ state: 'probing', probeIndex: 1 });
    const third = advance(second ?? asked, 'probe-answered', DM);
    expect(advance(third ?? asked, 'probe-answered', DM)).toEqual({ state: 'done', probeIndex: 2 });
  });

  it('a channel: the one follow-up straight after the answer, then done; no button', () => {
    const probing = advance(asked, 'answered', CHANNEL);
    expect(probing).toEqual({ state: 'probing', probeIndex: 0 });
    expect(advance(probing ?? asked, 'probe-answered', CHANNEL)).toEqual({ state: 'done', probeIndex: 0 });
    expect(advance({ state: 'answered', probeIndex: -1 }, 'probes-started', CHANNEL)).toBeUndefined();
    // A bank question without probes: done after the answer.
    expect(advance(asked, 'answered', { probes: 0, probesFollowAnswer: true })).toEqual({
      state: 'done',
      probeIndex: -1,
    });
  });

  it('refuses events that do not fit the state', () => {
    expect(advance({ state: 'done', probeIndex: 0 }, 'answered', DM)).toBeUndefined();
    expect(advance(asked, 'probe-answered', DM)).toBeUndefined();
    expect(advance(asked, 'probes-started', DM)).toBeUndefined();
    expect(
      advance({ state: 'answered', probeIndex: -1 }, 'probes-started', { probes: 0, probesFollowAnswer: false }),
    ).toBeUndefined();
  });

  it('says which answer a message belongs to, and whether the follow-ups have begun', () => {
    expect(slotFor(asked)).toEqual(MAIN_ANSWER);
    expect(slotFor({ state: 'answered', probeIndex: -1 })).toEqual(MAIN_ANSWER);
    expect(slotFor({ state: 'probing', probeIndex: 2 })).toEqual({ kind: 'probe', probeIndex: 2 });
    expect(slotFor({ state: 'done', probeIndex: 2 })).toBeUndefined();
    expect(probesStarted({ state: 'answered', probeIndex: -1 })).toBe(false);
    expect(probesStarted({ state: 'probing', probeIndex: 0 })).toBe(true);
    expect(probesStarted({ state: 'done', probeIndex: 0 })).toBe(true);
  });
});
