import { STAR_PARTS, type StarPart } from '../lp.js';
import { countWords, matchFrom, mergePatterns, nextMatch, type Sentence, type Span } from './normalise.js';
import { ANY_MATCHES, type PossibleMatches } from './prefilter.js';

export interface PartSpan extends Span {
  part: StarPart;
  words: number;
  /** How the part was found: an explicit label the writer used, or cue words. */
  via: 'label' | 'cues';
}

// Explicit labels: "S:", "*Situation*", "Task -", "1. Action:", ":dart: Result" (emoji already
// blanked). A full word may stand alone on its line; single letters need a colon or dash.
const LABEL =
  /(?:^|(?<=[.!?]\s{1,4}))[ \t]{0,80}(?:(situation|context|background|problem|the problem|task|goal|the ask|actions?|approach|solution|what i did|what we did|how it went|how i did it|steps|results?|outcomes?|impact|what happened|reflections?|learnings?|takeaways?|lessons?(?: learned| learnt)?|what i learned|what i learnt)\b[ \t]{0,4}(?::[ \t]*|[-–—](?=[ \t])[ \t]*|$)|([starl])[ \t]{0,2}(?::[ \t]*|[-–—](?=[ \t])[ \t]*))/gim;

const LABEL_PART: Record<string, StarPart> = {
  situation: 'situation',
  context: 'situation',
  background: 'situation',
  task: 'task',
  goal: 'task',
  action: 'action',
  actions: 'action',
  result: 'result',
  results: 'result',
  outcome: 'result',
  outcomes: 'result',
  impact: 'result',
  problem: 'situation',
  'the problem': 'situation',
  'the ask': 'task',
  approach: 'action',
  solution: 'action',
  'what i did': 'action',
  'what we did': 'action',
  'how it went': 'action',
  'how i did it': 'action',
  steps: 'action',
  'what happened': 'result',
  s: 'situation',
  t: 'task',
  a: 'action',
  r: 'result',
};

function labelPart(word: string): StarPart {
  const key = word.toLowerCase();
  return LABEL_PART[key.replace(/\s+/g, ' ')] ?? 'reflection';
}

interface Label {
  part: StarPart;
  labelStart: number;
  bodyStart: number;
}

/** Every explicit label in the text: read once, used by both ways of splitting. */
function findLabels(clean: string): Label[] {
  const found: Label[] = [];
  for (let m = matchFrom(LABEL, clean); m !== null; m = nextMatch(LABEL, clean, m)) {
    const word = m[1] ?? m[2];
    if (!word) continue;
    found.push({ part: labelPart(word), labelStart: m.index, bodyStart: m.index + m[0].length });
  }
  return found;
}

/** Parts from explicit labels, or undefined when the writer used fewer than two. */
export function partsFromLabels(clean: string, found: readonly Label[] = findLabels(clean)): PartSpan[] | undefined {
  if (new Set(found.map((f) => f.part)).size < 2) return undefined;
  const parts: PartSpan[] = [];
  found.forEach((label, i) => {
    const next = found[i + 1]?.labelStart ?? clean.length;
    let start = label.bodyStart;
    let end = next;
    while (start < end && /\s/.test(clean[start])) start++;
    while (end > start && /\s/.test(clean[end - 1])) end--;
    // Text before the first label is scene-setting.
    if (i === 0 && label.labelStart > 0 && clean.slice(0, label.labelStart).trim()) {
      const lead = clean.slice(0, label.labelStart);
      const leadEnd = lead.trimEnd().length;
      const leadStart = lead.length - lead.trimStart().length;
      parts.push({
        part: 'situation',
        start: leadStart,
        end: leadEnd,
        words: countWords(clean, leadStart, leadEnd),
        via: 'label',
      });
    }
    const existing = parts.find((p) => p.part === label.part);
    if (existing) {
      // A repeated label ("Action" twice) extends the part.
      existing.end = Math.max(existing.end, end);
      existing.words += countWords(clean, start, end);
    } else if (end > start) {
      parts.push({ part: label.part, start, end, words: countWords(clean, start, end), via: 'label' });
    }
  });
  return parts.sort((a, b) => a.start - b.start);
}

export interface Cue {
  part: StarPart;
  weight: number;
  pattern: RegExp;
}

export const STRONG_VERBS =
  'pulled|traced|reproduced|wrote|rewrote|added|built|rebuilt|designed|redesigned|profiled|measured|proposed|ran|set up|created|implemented|fixed|deployed|rolled (?:out|back)|migrated|refactored|tested|load-tested|benchmarked|analy[sz]ed|instrumented|automated|shipped|paired|met|interviewed|mentored|coached|reviewed|drafted|documented|presented|negotiated|convinced|persuaded|showed|scheduled|split|moved|replaced|removed|deleted|prototyped|compared|dug|studied|asked|talked|spoke|called|organi[sz]ed|led|drove|coordinated|submitted|opened|sent|explained|walked|gathered|collected|grouped|queried|tuned|configured|patched|debugged|isolated|bisected|identified|found|discovered|mapped|audited|checked|verified|validated|launched|released|introduced|wired|raised|reached out|invited|hired|onboarded|scoped|prioriti[sz]ed|estimated|planned|broke|sketched|model(?:l)?ed|trained|evaluated|label(?:l)?ed|cleaned|backfilled|throttled|cached|indexed|sharded|partitioned|upgraded|reverted|disabled|enabled|flagged|paged|spent|offered|agreed|committed|disagreed|argued|pushed back|challenged|questioned|shadowed|recorded|published|shared|switched|extracted|consolidated|simplified|deprecated|retired|decommissioned|negotiated|reworked|built|cut|wrote|read|set|took|made|gave|owned|chose|picked|kept|started|stopped|put|turned|worked|spent|held|hosted|ran|wrote|summari[sz]ed|calculated|estimated|forecast|quantified|rewired|stress-tested|canaried|piloted|surveyed|listened|apologi[sz]ed|volunteered|stepped in|stayed';

/** Present-tense action verbs: people narrate stories in the present ("so I open the logs"). */
export const PRESENT_VERBS =
  'open|opens|check|checks|write|writes|call|calls|pull|pulls|trace|traces|build|builds|add|adds|run|runs|fix|fixes|ask|asks|talk|talks|send|sends|look|looks|find|finds|go|goes|take|takes|make|makes|start|starts|create|creates|set up|move|moves|test|tests|measure|measures|profile|profiles|deploy|deploys|propose|proposes|explain|explains|show|shows|review|reviews|meet|meets|try|tries|change|changes|replace|replaces|remove|removes|compare|compares|decide|decides|tell|tells|schedule|schedules|sit down|read|reads|dig|digs|notice|notices|see|sees|rewrite|rewrites|reproduce|reproduces|design|designs|ship|ships|roll back|split|splits|pair|pairs|prepare|prepares|collect|collects|gather|gathers|analyse|analyze|analyses|analyzes|contact|contacts|bring|brings|put|puts|give|gives|get|gets|do|does|say|says|push|pushes|convince|convinces|organise|organize|implement|implements';

/** What a doer does: a past-tense verb, a known action verb, or a present-tense one. */
export const DOER_VERB = `(?:[a-z]{2,20}ed|${STRONG_VERBS}|${PRESENT_VERBS})`;
const ADVERB =
  '(?:then |also |first |next |quickly |personally |immediately |carefully |just |finally |all |together |jointly |eventually |actually |now |later |basically |simply )?';
/** The candidate as the doer of an action. */
export const I_DOER = new RegExp(`\\b[Ii] ${ADVERB}${DOER_VERB}\\b`, 'g');
/** We, the team or our team as the doer of an action. */
export const WE_DOER = new RegExp(
  `\\b(?:[Ww]e|[Oo]ur team|[Tt]he team|[Tt]he whole team|[Ee]veryone) ${ADVERB}${DOER_VERB}\\b`,
  'g',
);

/** The cue words for finding STAR parts in unlabelled prose. Weights were tuned on the library. */
export const PART_CUES: readonly Cue[] = [
  {
    part: 'situation',
    weight: 2,
    pattern:
      /\b(?:at|in) my (?:previous|last|current|old|first|former) (?:role|job|company|team|position|employer)\b/gi,
  },
  { part: 'situation', weight: 1.5, pattern: /\b(?:when|while) (?:I was|I worked|working|we were|our team)\b/gi },
  { part: 'situation', weight: 1.5, pattern: /\bI was (?:an?|the|one of|on|part of|working)\b/gi },
  {
    part: 'situation',
    weight: 1,
    pattern:
      /\b(?:we were|we had|we ran|we used|our (?:service|system|app|team|product|company|platform|customers))\b/gi,
  },
  { part: 'situation', weight: 1, pattern: /\b(?:I noticed|I spotted|I saw that|I realised that|I realized that)\b/gi },
  {
    part: 'situation',
    weight: 0.5,
    pattern:
      /\b(?:last|that|this) (?:year|quarter|summer|spring|winter|autumn|fall|month)\b|\b(?:years?|months?) ago\b/gi,
  },
  {
    part: 'situation',
    weight: 0.5,
    pattern: /\b(?:was|were) (?:causing|seeing|hitting|failing|dropping|growing|getting|taking|running)\b/gi,
  },
  {
    part: 'task',
    weight: 2.5,
    pattern:
      /\bmy (?:first |main |real |immediate |own )?(?:goal|task|job|responsibility|role|aim|mission|objective|mandate|challenge) (?:was|became|had become)\b/gi,
  },
  { part: 'task', weight: 2, pattern: /\bthe (?:goal|task|challenge|ask|objective) (?:was|became)\b/gi },
  { part: 'task', weight: 1.5, pattern: /\bI (?:needed|had|wanted|set out) to\b/gi },
  {
    part: 'task',
    weight: 1.5,
    pattern:
      /\bI (?:decided|chose) to (?:own|take|fix|drive|lead|tackle|find|treat|make|get|rebuild|push)\b|\bI took (?:it on|ownership|on)\b|\bI volunteered to\b/gi,
  },
  {
    part: 'task',
    weight: 1.5,
    pattern:
      /\bnot (?:my|our) (?:job|team|teams?'s?|code|service|system|responsibility|area|project|problem)\b|\bnobody had (?:asked|assigned)|\bno one had (?:asked|assigned)|\bno ticket\b|\bwas(?:n'?t| not) (?:mine|assigned)\b|\bnot assigned\b|\boutside (?:my|our) (?:team|scope|remit|area)\b/gi,
  },
  { part: 'task', weight: 1, pattern: /\bI decided to\b/gi },
  { part: 'task', weight: 0.5, pattern: /\bdeadline\b|\bby the end of\b/gi },
  {
    part: 'action',
    weight: 2,
    pattern: new RegExp(
      `\\b[Ii] (?:then |first |also |next |quickly |personally |immediately |carefully )?(?:${STRONG_VERBS})\\b`,
      'g', // no /i (irregexp is far faster without it); [Ii] still takes Slack's lower-case "i"
    ),
  },
  { part: 'action', weight: 1.2, pattern: WE_DOER },
  // Bullets and notes often drop the subject: "- pulled 30 tickets and reproduced it".
  // Case-sensitive (a case-insensitive alternation of 400 verbs is several times slower).
  {
    part: 'action',
    weight: 1.2,
    pattern: new RegExp(`^[ \\t]*(?:[Tt]hen |[Aa]nd |[Aa]lso )?(?:${DOER_VERB}|[A-Z][a-z]{1,19}ed)\\b`, 'gm'),
  },
  {
    part: 'action',
    weight: 1.2,
    pattern: new RegExp(`\\b[Ii] (?:then |first |also |just |quickly )?(?:${PRESENT_VERBS})\\b`, 'g'),
  },
  { part: 'action', weight: 0.5, pattern: /\b(?:first|then|next|after that|so I|to do this|to start)\b/gi },
  {
    part: 'result',
    weight: 2,
    pattern:
      /\b(?:as a result|in the end|ultimately|the result was|the outcome was|after the (?:launch|rollout|release|change|fix|migration)|within (?:a|one|two|three|four|six|\d+) (?:weeks?|months?|days?|sprints?|quarters?))\b/gi,
  },
  {
    part: 'result',
    weight: 0.4,
    pattern:
      /\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|x\b|ms\b|k\b|seconds?\b|minutes?\b|hours?\b|days?\b)|\$\s?\d|€\s?\d|£\s?\d/gi,
  },
  { part: 'result', weight: 1.5, pattern: /\bfrom \S{1,20}(?: \S{1,12})? (?:down |up )?to \S|\b(?:down|up) from\b/gi },
  {
    part: 'result',
    weight: 1,
    pattern:
      /\b(?:dropped|fell|rose|increased|decreased|improved|saved|recovered|eliminated|halved|doubled|tripled|grew|went (?:down|up|from)|shrank|reduced|cut|corrected|prevented|avoided|no longer|stopped (?:happening|coming)|went away|disappeared)\b/gi,
  },
  {
    part: 'result',
    weight: 1,
    pattern:
      /\b(?:adopted|is now|are now|has stayed|have stayed|still (?:in use|running)|became the (?:standard|default))\b/gi,
  },
  {
    part: 'reflection',
    weight: 2.5,
    pattern:
      /\bI (?:learned|learnt|realised|realized|took away)\b|\b(?:lesson|takeaway|in hindsight|looking back|next time|if I did it again|taught me|differently|since then|whenever I|I now\b|these days I|my biggest learning)\b/gi,
  },
  {
    part: 'reflection',
    weight: 2,
    pattern: /\b(?:the (?:real |deeper |underlying )?root cause was|the real (?:problem|issue|gap) was)\b/gi,
  },
  {
    part: 'reflection',
    weight: 1,
    pattern: /\b(?:organi[sz]ational|systemic|incentives?|culture|mechanisms?|trade-?offs?)\b/gi,
  },
];

// Transition costs for the part assignment: writers change part at line breaks, rarely mid-line.
const STAY_IN_LINE = 0.3;
const SWITCH_MID_LINE = -0.6;
const SWITCH_AT_LINE = 0.2;
const OPENING_SITUATION = 0.6;
const NO_REFLECTION_CUE = 0.5;
const LABEL_ANCHOR = 4;
const CAP_PER_SENTENCE = 3;

/**
 * Assigns each sentence to a STAR part in order (S ≤ T ≤ A ≤ R ≤ L), choosing the order that best
 * explains the cue words: a small dynamic programme over sentences, linear in their number.
 */
export function partsFromCues(
  clean: string,
  sentences: readonly Sentence[],
  labels: readonly Label[] = findLabels(clean),
  possible: PossibleMatches = ANY_MATCHES,
): PartSpan[] {
  const n = sentences.length;
  if (n === 0) return [];
  const k = STAR_PARTS.length;
  const cueScore = new Float64Array(n * k);
  const starts = sentences.map((s) => s.start);
  for (const cue of MERGED_CUES) {
    const p = STAR_PARTS.indexOf(cue.part);
    for (const { start } of possible.matches(cue.pattern, clean)) {
      const i = sentenceAt(starts, start);
      if (i < 0 || start >= sentences[i].end) continue;
      cueScore[i * k + p] = Math.min(CAP_PER_SENTENCE, cueScore[i * k + p] + cue.weight);
    }
  }
  cueScore[0] += OPENING_SITUATION;
  const r = STAR_PARTS.indexOf('reflection');
  for (let i = 0; i < n; i++) if (cueScore[i * k + r] === 0) cueScore[i * k + r] -= NO_REFLECTION_CUE;
  // A lone label ("*What I did:*") is not enough to split by labels, but it anchors its sentence.
  for (const label of labels) {
    const i = sentenceAt(starts, label.bodyStart);
    if (i >= 0) cueScore[i * k + STAR_PARTS.indexOf(label.part)] += LABEL_ANCHOR;
  }

  const best = new Float64Array(n * k).fill(Number.NEGATIVE_INFINITY);
  const from = new Int8Array(n * k);
  for (let p = 0; p < k; p++) best[p] = cueScore[p] - (p === 0 ? 0 : 0.4 * p);
  for (let i = 1; i < n; i++) {
    const atLine = sentences[i].startsLine;
    for (let p = 0; p < k; p++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = p;
      for (let q = 0; q <= p; q++) {
        const prev = best[(i - 1) * k + q];
        const step = q === p ? (atLine ? 0 : STAY_IN_LINE) : atLine ? SWITCH_AT_LINE : SWITCH_MID_LINE;
        if (prev + step > top) {
          top = prev + step;
          arg = q;
        }
      }
      best[i * k + p] = top + cueScore[i * k + p];
      from[i * k + p] = arg;
    }
  }
  let last = 0;
  for (let p = 1; p < k; p++) if (best[(n - 1) * k + p] >= best[(n - 1) * k + last]) last = p;
  const assigned = new Int8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    assigned[i] = last;
    last = from[i * k + last];
  }

  const parts: PartSpan[] = [];
  for (let i = 0; i < n; i++) {
    const part = STAR_PARTS[assigned[i]];
    const current = parts[parts.length - 1];
    if (current && current.part === part) current.end = sentences[i].end;
    else parts.push({ part, start: sentences[i].start, end: sentences[i].end, words: 0, via: 'cues' });
  }
  for (const part of parts) part.words = countWords(clean, part.start, part.end);
  return parts;
}

// Cues of the same part, weight and flags are matched in one pass. The text they read has one space
// between words however it was typed (collapseSpaces), so a phrase's spaces are literal.
function groupCues(cues: readonly Cue[]): Cue[] {
  const groups = new Map<string, Cue[]>();
  for (const cue of cues) {
    const key = `${cue.part}|${cue.weight}|${cue.pattern.flags}`;
    groups.set(key, [...(groups.get(key) ?? []), cue]);
  }
  return [...groups.values()].map((group) => ({ ...group[0], pattern: mergePatterns(group.map((c) => c.pattern))[0] }));
}
const MERGED_CUES = groupCues(PART_CUES);

/** The patterns the cue scan reads, for the literal prefilter. */
export const PART_CUE_PATTERNS: readonly RegExp[] = MERGED_CUES.map((cue) => cue.pattern);

/** Index of the sentence whose start is the last one at or before offset, -1 before the first. */
export function sentenceAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Explicit labels when the writer used them, otherwise cue words. */
export function splitStarParts(
  clean: string,
  sentences: readonly Sentence[],
  possible: PossibleMatches = ANY_MATCHES,
): PartSpan[] {
  const labels = findLabels(clean);
  return partsFromLabels(clean, labels) ?? partsFromCues(clean, sentences, labels, possible);
}
