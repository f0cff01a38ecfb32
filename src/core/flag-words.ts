// The rubric's flags in plain words, for people rather than for logs: a short label and what the
// flag sounds like when someone says it out loud. One table, so the mock scorecard, the interviewer
// kit and any other surface name a flag the same way. Ids are the rubric's (never renamed).
import type { FlagId } from './rubric/index.js';

export interface FlagWords {
  /** At most 60 characters: it is a checkbox label in the scorecard. */
  label: string;
  /** What to listen for in a spoken answer; at most 75 characters (a checkbox description). */
  listenFor: string;
  /** `what`: in what they said (ownership, impact); `how`: in how they told it. Checkbox groups hold ten at most. */
  heard: 'what' | 'how';
}

export const FLAG_WORDS: Record<FlagId, FlagWords> = {
  'we-language': {
    label: '“We” where “I” belongs',
    listenFor: 'The team did everything; their own part never comes out.',
    heard: 'what',
  },
  handoff: {
    label: 'Handed the problem to someone else',
    listenFor: 'They raised or escalated it and stopped there.',
    heard: 'what',
  },
  'manager-directed': {
    label: 'Only did what they were asked',
    listenFor: 'A manager started the work; no judgement of their own.',
    heard: 'what',
  },
  hedging: {
    label: 'Hedging',
    listenFor: '“I think”, “kind of”, “maybe” about things they should know.',
    heard: 'how',
  },
  hypothetical: {
    label: 'What they would do, not what they did',
    listenFor: '“I would…” or “I usually…” instead of one real time.',
    heard: 'how',
  },
  blame: {
    label: 'Blaming others',
    listenFor: 'The failure is someone else’s, and nothing in it is theirs.',
    heard: 'what',
  },
  'no-metric': {
    label: 'No number in the result',
    listenFor: 'No before and after: no percentage, money, time or count.',
    heard: 'what',
  },
  'vague-result': {
    label: 'A vague result',
    listenFor: '“It went well”, “things improved”: nothing anyone could check.',
    heard: 'what',
  },
  'no-scope-boundary': {
    label: 'Never says it was beyond their job',
    listenFor: 'Ownership without saying where their responsibility ended.',
    heard: 'what',
  },
  'generic-reflection': {
    label: 'A lesson that fits any story',
    listenFor: '“Communication matters”: nothing only this story could teach.',
    heard: 'how',
  },
  'missing-star-part': {
    label: 'A STAR part missing',
    listenFor: 'No clear situation, task, action or result.',
    heard: 'how',
  },
  'no-story': {
    label: 'No specific story',
    listenFor: 'Habits, opinions or “I would…”: no one time it happened.',
    heard: 'how',
  },
  'off-principle': {
    label: 'Story does not show the principle asked',
    listenFor: 'A good story, but nothing in it speaks to the principle asked about.',
    heard: 'what',
  },
  'too-short': {
    label: 'Too short to judge',
    listenFor: 'Over in a few sentences; not enough to see what they did.',
    heard: 'how',
  },
  'too-long': {
    label: 'Too long',
    listenFor: 'Well past the time; the point is lost in background.',
    heard: 'how',
  },
  filler: {
    label: 'Filler words',
    listenFor: '“Basically”, “like”, “you know” crowding out the content.',
    heard: 'how',
  },
};

/** A flag's plain label (the id itself for an id the rubric no longer has). */
export function flagLabel(id: string): string {
  return (FLAG_WORDS as Record<string, FlagWords | undefined>)[id]?.label ?? id;
}
