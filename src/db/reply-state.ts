// How a failed send is stored, the same on both backends.

/**
 * A failed reply waits for `nextAttemptAt`. One whose message Slack may have (the call timed out)
 * stays `sending` under a claim that runs out at that moment: its next sender is then told the send
 * was interrupted and looks for the message before posting, exactly as after a crash.
 */
export function failedState(uncertain: boolean, nextAttemptAt: Date, now: Date, sendingLeaseMs: number) {
  if (!uncertain)
    return { status: 'failed' as const, nextAttemptAt: nextAttemptAt.toISOString(), updatedAt: now.toISOString() };
  return {
    status: 'sending' as const,
    nextAttemptAt: nextAttemptAt.toISOString(),
    updatedAt: new Date(nextAttemptAt.getTime() - sendingLeaseMs).toISOString(),
  };
}
