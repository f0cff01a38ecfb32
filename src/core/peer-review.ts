// The peer-review emoji legend: one place to change which reactions mean what.

export interface PeerEmoji {
  /** Slack emoji name, without colons. */
  name: string;
  meaning: string;
}

export const PEER_REVIEW_LEGEND: readonly PeerEmoji[] = [
  { name: 'star', meaning: 'strong answer' },
  { name: 'dart', meaning: 'clear numbers' },
  { name: 'bust_in_silhouette', meaning: 'clear ownership' },
  { name: 'busts_in_silhouette', meaning: 'too much "we"' },
  { name: 'hourglass', meaning: 'too long' },
  { name: 'question', meaning: 'unclear' },
];
