// A practice session's life: asked → answered → probing → done. One state machine for both modes;
// what differs (how many follow-ups, whether they wait for a button) comes in as a plan.

export const SESSION_STATES = ['asked', 'answered', 'probing', 'done'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export interface SessionProgress {
  state: SessionState;
  /** The probe being asked while probing; the last one answered when done; -1 before any. */
  probeIndex: number;
}

/**
 * How a session moves on. DM practice asks every probe of its scenario, after the person presses
 * *Follow-up questions*; a channel asks one follow-up straight after the answer.
 */
export interface SessionPlan {
  probes: number;
  probesFollowAnswer: boolean;
}

/** What a message in a session's thread answers: the main question or one probe. */
export type AnswerSlot = { kind: 'answer'; probeIndex: -1 } | { kind: 'probe'; probeIndex: number };

export const MAIN_ANSWER: AnswerSlot = { kind: 'answer', probeIndex: -1 };

export type SessionEvent = 'answered' | 'probes-started' | 'probe-answered';

/** The answer a new message belongs to, or undefined once the session is done. */
export function slotFor(progress: SessionProgress): AnswerSlot | undefined {
  if (progress.state === 'done') return undefined;
  return progress.state === 'probing' ? { kind: 'probe', probeIndex: progress.probeIndex } : MAIN_ANSWER;
}

/** The event a message in this slot causes. */
export function eventFor(slot: AnswerSlot): SessionEvent {
  return slot.kind === 'answer' ? 'answered' : 'probe-answered';
}

/** The state after `event`, or undefined when the event does not apply in the current state. */
export function advance(
  progress: SessionProgress,
  event: SessionEvent,
  plan: SessionPlan,
): SessionProgress | undefined {
  switch (event) {
    case 'answered':
      if (progress.state !== 'asked' && progress.state !== 'answered') return undefined;
      if (!plan.probesFollowAnswer) return { state: 'answered', probeIndex: -1 };
      return plan.probes > 0 ? { state: 'probing', probeIndex: 0 } : { state: 'done', probeIndex: -1 };
    case 'probes-started':
      if (progress.state !== 'answered' || plan.probesFollowAnswer || plan.probes === 0) return undefined;
      return { state: 'probing', probeIndex: 0 };
    case 'probe-answered': {
      if (progress.state !== 'probing') return undefined;
      const next = progress.probeIndex + 1;
      return next < plan.probes
        ? { state: 'probing', probeIndex: next }
        : { state: 'done', probeIndex: progress.probeIndex };
    }
  }
}

/** Whether the follow-ups have begun (the feedback then drops its *Follow-up questions* button). */
export function probesStarted(progress: SessionProgress): boolean {
  return progress.state === 'probing' || progress.state === 'done';
}
