import { type Level, STAR_PARTS } from '../lp.js';
import type { Scenario } from '../scenario.js';
import { overlap } from './text.js';
import type { Finding } from './types.js';

/** A part this close to another level's (word overlap) is the same text with words swapped. */
export const MAX_PART_OVERLAP = 0.8;
/** Two levels' Situation-to-Result this close tell the same story at the same scope. */
export const MAX_STORY_OVERLAP = 0.6;

const PAIRS: [Level, Level][] = [
  ['sde1', 'sde2'],
  ['sde2', 'senior'],
  ['sde1', 'senior'],
];
const STORY_PARTS = ['situation', 'task', 'action', 'result'] as const;

/** Levels whose story parts are identical or nearly so. */
export function checkLevelsDiffer(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  for (const [a, b] of PAIRS) {
    const storyA = scenario.levels[a].story;
    const storyB = scenario.levels[b].story;
    for (const part of STORY_PARTS) {
      const same = storyA[part].example.trim() === storyB[part].example.trim();
      const similarity = overlap(storyA[part].example, storyB[part].example);
      if (same || similarity >= MAX_PART_OVERLAP)
        findings.push({
          check: 'level-identical',
          lp: scenario.lp,
          scenarioId: scenario.id,
          field: `levels.${b}.story.${part}.example`,
          message: same
            ? `is identical to the ${a} ${part}: each level tells its own story`
            : `is nearly the same as the ${a} ${part} (word overlap ${similarity.toFixed(2)}, under ${MAX_PART_OVERLAP} wanted)`,
        });
    }
    const whole = (level: Level) => STORY_PARTS.map((p) => scenario.levels[level].story[p].example).join(' ');
    const similarity = overlap(whole(a), whole(b));
    if (similarity >= MAX_STORY_OVERLAP)
      findings.push({
        check: 'level-identical',
        lp: scenario.lp,
        scenarioId: scenario.id,
        field: `levels.${b}.story`,
        message: `differs from the ${a} story only cosmetically (word overlap ${similarity.toFixed(2)}, under ${MAX_STORY_OVERLAP} wanted): change the scope, not the wording`,
      });
  }
  return findings;
}

// Scope an SDE1 story does not have: executives, the whole organisation, many teams, people management.
const SDE1_OUT_OF_SCOPE: { pattern: RegExp; why: string }[] = [
  { pattern: /\b(?:CTO|CEO|CFO|CIO|VP|SVP|EVP)s?\b|\bvice[- ]president\b/, why: 'an executive audience' },
  {
    pattern: /\b(?:director|executives?|leadership team|senior leadership|the board)\b/i,
    why: 'an executive audience',
  },
  {
    pattern:
      /\b(?:org|organi[sz]ation|company|division|department|engineering)-wide\b|\bacross the (?:company|organi[sz]ation|org|division|department|whole)\b|\bthe whole (?:company|organi[sz]ation|org)\b/i,
    why: 'organisation-wide scope',
  },
  {
    pattern:
      /\b(?:several|multiple|many|all|every|(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}) other|(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|[3-9]|\d{2,3})) teams\b|\bevery team\b/i,
    why: 'many teams',
  },
  {
    pattern: /\b(?:funding|funded|headcount|roadmap|all-hands|programme)\b/i,
    why: 'organisation-level planning',
  },
  {
    pattern:
      /\bI (?:proposed|set up|introduced|established|ran|created) (?:a |an )?(?:quarterly|company|org|organi[sz]ation|cross-team|maintainer|shared)[a-z-]* (?:mechanism|process|review|drill|registry|policy|standard|rotation|platform|programme|program|council|forum)\b/i,
    why: 'an organisation-wide mechanism',
  },
  {
    pattern:
      /\bmy (?:direct )?reports\b|\bI (?:managed|hired) (?:a|the|my|two|three|\d)\b|\bI (?:set|wrote) (?:the|our) (?:org|team)'?s? (?:roadmap|strategy)\b/i,
    why: 'people management or strategy',
  },
];

/** SDE1 story text that contradicts the level: presenting to the CTO, org-wide mechanisms, many teams. */
export function sde1ScopeProblems(scenario: Scenario): { field: string; quote: string; why: string }[] {
  const problems: { field: string; quote: string; why: string }[] = [];
  for (const part of STAR_PARTS) {
    const text = scenario.levels.sde1.story[part].example;
    for (const { pattern, why } of SDE1_OUT_OF_SCOPE) {
      const m = pattern.exec(text);
      if (m) problems.push({ field: `levels.sde1.story.${part}.example`, quote: m[0], why });
    }
  }
  return problems;
}

export function checkSde1Scope(scenario: Scenario): Finding[] {
  return sde1ScopeProblems(scenario).map(({ field, quote, why }) => ({
    check: 'level-sde1-scope',
    lp: scenario.lp,
    scenarioId: scenario.id,
    field,
    message: `"${quote}" is ${why}, beyond an SDE1's scope: keep the SDE1 story to your own work and its direct reach`,
  }));
}

// What a senior story shows, in words a checker can see.
const TRADE_OFF =
  /\btrade[- ]?offs?\b|\btraded\b|\bat the cost of\b|\bin exchange for\b|\bgave up\b|\bgiving up\b|\bchose (?:\w+ ){0,6}over\b|\binstead of\b|\bthe price (?:was|of)\b|\bcost us\b/i;
const MECHANISM =
  /\b(?:mechanism|checklist|template|runbook|rotation|registry|drill|review|standard|policy|contract|guardrail|lint|linter|alarm|alert|dashboard|gate|budget|process|playbook|owner(?:ship)? (?:map|file|list)|quarterly|weekly|every (?:release|quarter|sprint|launch))\b/i;
const BEYOND_ONE_TEAM =
  /\bteams\b|\b(?:other|another) (?:team|department)\b|\bdepartments\b|\bacross\b|\bcross-team\b|\bpeer\b|\b(?:without|no) authority\b|\bpersuad|\bconvinc|\binfluenc/i;

export interface SeniorSignals {
  tradeOff: boolean;
  /** A mechanism in the Action or Result, not only in the reflection. */
  mechanismInAction: boolean;
  beyondOneTeam: boolean;
}

export function seniorSignals(scenario: Scenario): SeniorSignals {
  const story = scenario.levels.senior.story;
  const whole = STAR_PARTS.map((p) => story[p].example).join('\n');
  return {
    tradeOff: TRADE_OFF.test(whole),
    mechanismInAction: MECHANISM.test(`${story.action.example}\n${story.result.example}`),
    beyondOneTeam: BEYOND_ONE_TEAM.test(whole),
  };
}

/** A senior story must work across teams, weigh a trade-off and build a mechanism in its actions. */
export function checkSeniorScope(scenario: Scenario): Finding[] {
  const signals = seniorSignals(scenario);
  const missing: string[] = [];
  if (!signals.beyondOneTeam) missing.push('no work beyond one team (other teams, influence without authority)');
  if (!signals.tradeOff) missing.push('no trade-off weighed ("trade-off", "at the cost of", "instead of", "gave up")');
  if (!signals.mechanismInAction)
    missing.push('no mechanism built in the Action or Result (one named only in the reflection does not count)');
  return missing.map((what) => ({
    check: 'level-senior-scope',
    lp: scenario.lp,
    scenarioId: scenario.id,
    field: 'levels.senior.story',
    message: `the senior story shows ${what}`,
  }));
}
