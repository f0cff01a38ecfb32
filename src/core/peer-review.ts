// Peer review by reactions: which emoji mean what, how Slack's variants map onto them, and how
// reviews become a score next to the rubric's. One place to change the legend.

export interface PeerEmoji {
  /** Slack emoji name, without colons. */
  name: string;
  meaning: string;
  /** What the review says about the answer: positive or negative, in points. */
  value: number;
  /** Other names Slack sends for the same emoji. */
  aliases?: readonly string[];
  /** Different emoji that count the same (each is its own reaction in Slack). */
  similar?: readonly string[];
}

export const PEER_REVIEW_LEGEND: readonly PeerEmoji[] = [
  { name: 'star', meaning: 'strong answer', value: 2, similar: ['star2', 'glowing_star'] },
  { name: '+1', meaning: 'good answer', value: 1, aliases: ['thumbsup'] },
  { name: 'dart', meaning: 'clear numbers', value: 1 },
  { name: 'bust_in_silhouette', meaning: 'clear ownership', value: 1 },
  { name: 'busts_in_silhouette', meaning: 'too much "we"', value: -1 },
  { name: 'hourglass', meaning: 'too long', value: -1, similar: ['hourglass_flowing_sand'] },
  { name: 'question', meaning: 'unclear', value: -1, similar: ['grey_question'] },
];

const byName = new Map<string, PeerEmoji>();
const canonical = new Map<string, string>();
for (const emoji of PEER_REVIEW_LEGEND) {
  byName.set(emoji.name, emoji);
  for (const alias of emoji.aliases ?? []) {
    byName.set(alias, emoji);
    canonical.set(alias, emoji.name);
  }
  for (const other of emoji.similar ?? []) byName.set(other, emoji);
}

function baseName(reaction: string): string {
  return reaction.replace(/::skin-tone-[2-6]$/, '').toLowerCase();
}

/** The legend entry for a reaction name as Slack sends it ("thumbsup::skin-tone-3"), if any. */
export function legendEmoji(reaction: string): PeerEmoji | undefined {
  return byName.get(baseName(reaction));
}

/**
 * The name a review is stored under: skin tone dropped and aliases of one emoji merged, but
 * different emoji kept apart, so removing :glowing_star: leaves a :star: from the same person.
 */
export function reviewKey(reaction: string): string {
  const base = baseName(reaction);
  return canonical.get(base) ?? base;
}

/** Rubric weight in the combined score when an answer has peer reviews. */
export const RUBRIC_WEIGHT = 0.7;

/**
 * The peer score of an answer, 0–100: 50 plus 25 points for each net point per reviewer, capped.
 * One :star: from one reviewer gives 100; one :question: gives 25.
 */
export function peerScore(reviews: readonly { reviewer: string; emoji: string }[]): number | null {
  if (reviews.length === 0) return null;
  const reviewers = new Set(reviews.map((r) => r.reviewer));
  const net = reviews.reduce((sum, r) => sum + (legendEmoji(r.emoji)?.value ?? 0), 0);
  return Math.max(0, Math.min(100, Math.round(50 + (25 * net) / reviewers.size)));
}

/** The combined score: the rubric's alone without reviews, else 70% rubric and 30% peers. */
export function combinedScore(rubric: number, peer: number | null): number {
  return peer === null ? rubric : Math.round(RUBRIC_WEIGHT * rubric + (1 - RUBRIC_WEIGHT) * peer);
}
