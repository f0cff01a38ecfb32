// Streaks: consecutive scheduled days a person answered in a channel. Days are the channel's
// local prompt dates (YYYY-MM-DD), so weekday-only channels have no weekend days to miss, and a
// day inside an away range neither counts nor breaks the streak.

export interface AwayRange {
  from: string;
  to: string;
}

/** Parses "2026-12-24..2027-01-02" (or a single date); the end must not be before the start. */
export function parseAwayRange(text: string): { ok: true; value: AwayRange } | { ok: false; error: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(text.trim());
  if (!m)
    return {
      ok: false,
      error: `"${text}" is not a date range; use YYYY-MM-DD..YYYY-MM-DD, e.g. 2026-12-24..2027-01-02`,
    };
  const from = m[1];
  const to = m[2] ?? m[1];
  for (const d of [from, to]) {
    const parsed = new Date(`${d}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d)
      return { ok: false, error: `${d} is not a real date` };
  }
  if (to < from) return { ok: false, error: 'the range ends before it starts' };
  return { ok: true, value: { from, to } };
}

/**
 * The current streak: walking back from the newest prompt date, answered days count, away days are
 * skipped, and the first missed day ends it. Today's prompt, not yet answered, does not break it.
 */
export function currentStreak(
  promptDates: readonly string[],
  answeredDates: ReadonlySet<string>,
  away: readonly AwayRange[],
  today: string,
): number {
  const dates = [...new Set(promptDates)].sort().reverse();
  let streak = 0;
  for (const date of dates) {
    if (answeredDates.has(date)) {
      streak++;
      continue;
    }
    if (date === today) continue;
    if (away.some((r) => date >= r.from && date <= r.to)) continue;
    break;
  }
  return streak;
}
