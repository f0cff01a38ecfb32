import type { QuestionBank } from '../scenario.js';
import type { Finding } from './types.js';

// An LP-level follow-up is asked after any story, so it may assume none: no figures, no names,
// no "the new …" or "that migration" that only one story has.
const STORY_FACTS: { pattern: RegExp; why: string }[] = [
  { pattern: /\d/, why: 'a figure' },
  { pattern: /(?<=[a-z,;] )[A-Z][a-z]+/, why: 'a name' },
  { pattern: /\bthe new [a-z-]+/i, why: 'a definite "the new …"' },
  { pattern: /\b(?:this|the) story\b/i, why: 'a reference to one story' },
];

export function checkFollowUps(bank: QuestionBank): Finding[] {
  const findings: Finding[] = [];
  bank.followUps.forEach((followUp, i) => {
    for (const { pattern, why } of STORY_FACTS) {
      const m = pattern.exec(followUp.question);
      if (m)
        findings.push({
          check: 'follow-up-generic',
          lp: bank.lp,
          bank: true,
          field: `followUps.${i}.question`,
          message: `"${m[0]}" is ${why}: an LP-level follow-up must fit any answer, so it assumes no story facts`,
        });
    }
  });
  return findings;
}
