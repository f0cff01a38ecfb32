import type { Level, LpId, StarPart } from '../lp.js';
import { I_DOER, WE_DOER } from './parts.js';
import type { AnswerKind, Dimension, FlagId, Severity, Verdict } from './types.js';

// The rubric's rules, as data. The engine (engine.ts) knows three kinds of rule:
//   phrase   – fires at every match of a pattern, unless quoted or an exception matches nearby;
//   absence  – fires once when none of the patterns appears in the parts it looks at;
//   computed – measured by the engine itself (missing parts, length).
// Every pattern is linear-time: no nested quantifiers, every gap bounded.

export interface RuleExample {
  text: string;
  /**
   * Every quote the flag shows, in order (its occurrences): required on an example that fires, so
   * the example pins the words the user is shown, not only the flag's id.
   */
  quotes?: readonly string[];
  /** Treat the whole text as this STAR part (phrase and absence rules); omit to run the full rubric. */
  part?: StarPart;
  lp?: LpId;
  level?: Level;
  kind?: AnswerKind;
  question?: string;
}

interface RuleBase {
  id: FlagId;
  dimension: Dimension;
  severity: Severity;
  /** Points taken from the dimension for each firing, and at most in all. */
  penalty: number;
  maxPenalty: number;
  /** The best verdict an answer carrying this flag can get. */
  cap?: Verdict;
  /** Which kinds of answer the rule judges. */
  kinds: readonly AnswerKind[];
  /** Not raised when this flag is: it would say the same thing twice. */
  subsumedBy?: FlagId;
  message: string;
  fix: string;
  examples: { fires: readonly RuleExample[]; passes: readonly RuleExample[] };
}

export interface PhraseRule extends RuleBase {
  kind: 'phrase';
  /** STAR parts the rule looks at; probe answers count as 'action'. */
  parts: readonly StarPart[];
  patterns: readonly RegExp[];
  /** Used instead of patterns on probe replies. */
  probePatterns?: readonly RegExp[];
  /** Like strictPatterns, but only after an earlier match of patterns (routing, then others act). */
  afterRouting?: readonly RegExp[];
  /** Like patterns, but no exception silences them. */
  strictPatterns?: readonly RegExp[];
  /** Checked on the matching sentence (and the one before it, unless `exceptionScope` is 'sentence'); any match silences the flag. */
  exceptions?: readonly RegExp[];
  exceptionScope?: 'sentence' | 'with-previous';
  /** Only matches in this first share of the answer count (where the work starts). */
  firstShare?: number;
  /**
   * Dropped when the speaker's own work is plain: at least `enough` matches of `pattern`, or any
   * when only the softer patterns (not strictPatterns) fired.
   */
  ownWork?: { pattern: RegExp; enough: number };
  /**
   * Looks only at the last `sentences` sentences (the close, whatever part it was assigned), and
   * stays silent when `unless` matches there.
   */
  closing?: { sentences: number; unless: RegExp };
  /**
   * Also fires when the Action is told mostly in agentless passive ("a plan was created"): at
   * least `min` such clauses, outnumbering the first-person ones.
   */
  agentless?: { pattern: RegExp; min: number };
  /** Off when a probe question is itself hypothetical ("what would you do if…"). */
  offForHypotheticalQuestions?: boolean;
  /**
   * Fires only when the matches in the parts looked at are at least `min` and outnumber the
   * matches of `rival` there: the answer is MAINLY told this way, not just once.
   */
  mainly?: { rival: RegExp; min: number };
}

export interface AbsenceRule extends RuleBase {
  kind: 'absence';
  parts: readonly StarPart[];
  patterns: readonly RegExp[];
  /** Only when the prompt asks for ownership beyond the candidate's remit (context.ownershipAsk). */
  onlyOnOwnershipAsk?: boolean;
}

export interface ComputedRule extends RuleBase {
  kind: 'computed';
}

export type Rule = PhraseRule | AbsenceRule | ComputedRule;

const ALL_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result', 'reflection'];
const ANY_NUMBER =
  /\d|[$€£%]|\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|halved|doubled|tripled|quadrupled|twice|triple|percent|a third|a quarter)\b/i;

export const NUMBER_PATTERN = ANY_NUMBER;

export const RULES: readonly Rule[] = [
  {
    id: 'we-language',
    kind: 'phrase',
    dimension: 'ownership',
    severity: 'warning',
    penalty: 7,
    maxPenalty: 35,
    kinds: ['answer', 'probe'],
    parts: ['action'],
    patterns: [WE_DOER],
    probePatterns: [/\bwe(?:['’](?:ve|d|re|ll))?\b/gi, /\bour team\b/gi, /\bourselves\b/gi],
    mainly: { rival: I_DOER, min: 2 },
    message: '"we" hides what you did yourself.',
    fix: 'Say "I" and name your own step: "I traced…", "I wrote…". Keep "we" for setting the scene.',
    examples: {
      fires: [
        {
          text: 'We figured out the root cause together and we shipped a fix.',
          part: 'action',
          quotes: ['We figured', 'we shipped'],
        },
        {
          text: 'Our team rewrote the retry logic and we deployed it on Friday.',
          part: 'action',
          quotes: ['Our team rewrote', 'we deployed'],
        },
      ],
      passes: [
        { text: 'We were a team of five running the payments service.', part: 'situation' },
        { text: 'I traced the timeouts and I wrote the fix.', part: 'action' },
        { text: 'Their lead told me "we cannot ship during the freeze", so I waited.', part: 'action' },
        { text: 'I traced the timeouts, I wrote the fix and we agreed to ship it behind a flag.', part: 'action' },
      ],
    },
  },
  {
    id: 'handoff',
    kind: 'phrase',
    dimension: 'ownership',
    severity: 'error',
    penalty: 22,
    maxPenalty: 45,
    cap: 'lean-no-hire',
    kinds: ['answer', 'probe'],
    parts: ALL_PARTS,
    // Escalating or telling others can be a deliberate step after your own fix (see exceptions)…
    patterns: [
      /\b(?:[Ii]|[Ww]e) (?:just |simply |then |immediately |quickly |also )?escalated\b/g,
      /\bescalat(?:e|ed|ing) (?:it |this |the (?:issue|problem|bug) )?(?:up )?to (?:my|the|their|our) (?:manager|lead|director|vp|boss|skip|team|owners?)\b/gi,
      /\bI (?:just |simply |then |also )?(?:sent|dropped|wrote) (?:them |the [a-z-]{1,30} team )?an? (?:slack |quick |short )?(?:message|ping|email|dm)\b/gi,
      /\bI (?:just |simply |then |also )?(?:told|informed|notified|alerted|pinged|messaged|emailed) (?:the [a-z-]{1,30} team|their team|them|the owners?|the on-?call|support|my (?:manager|lead|boss))\b/gi,
      /\b(?:posted|forwarded|reported|flagged|tagged|mentioned|raised|sent|shared|dropped|pinged|escalated)\b[^.!?\n]{0,40}?\b(?:in|to|into|on|with) (?:the |their |our )?(?:#[a-z0-9_-]{1,40}|[a-z-]{1,30}['’]s (?:support|team|intake)|[a-z-]{1,30} (?:channel|team|intake|queue|board|engineers|guys|folks)|vendor|support|hr|owners?|on-?call)\b/g,
      /\b(?:opened|filed|raised|logged|created) (?:a |an )?(?:ticket|jira|issue|bug report|support case|case)\b/g,
      /\blet (?:hr|the [a-z-]{1,30} team|them|their (?:lead|manager)|the owners?) know\b/g,
      /\b(?:raised|brought) (?:it|this) (?:up )?with (?:my|their|the) (?:director|manager|lead|boss|vp|skip)\b/g,
      /\b[Ii] (?:just |then |also |quickly )?(?:pinged|tagged) (?:X\b|@|him\b|her\b|them\b|their\b|my (?:lead|manager)|the [a-z-]{1,30} (?:team|on-?call|lead|owners?))/g,
      /\b(?:send|sent|write|wrote|post|posted|report|forward|make|made|open|create|pass|passed|hand|handed|give|gave) (?:this |the |a |an |my |it )?(?:[a-z-]{1,20} ){0,3}?(?:to|in|for) (?:the|their) [a-z-]{1,30} (?:team|channel|side)\b/g,
    ],
    strictPatterns: [
      /\b(?:they|he|she|my manager|my lead|the [a-z-]{1,30} team|the owners?|someone else|support) (?:handled|resolved|took care of|sorted|dealt with|picked up) (?:it|this|the rest|the issue|the problem)\b/gi,
      /\b(?:handed|passed|threw) (?:it|this|the (?:issue|problem|bug)) (?:off|over|back)\b/gi,
      /\blet (?:them|him|her|my manager|my lead|someone else|the [a-z-]{1,30} team) (?:deal with|handle|fix|sort out|take care of|take it from there) ?(?:it)?\b/gi,
      /\b(?:they|their [a-z-]{1,20}|someone else|the [a-z-]{1,30} team) (?:was|were) going to (?:look into|handle|fix|deal with|take care of) it\b/gi,
      /\bleft it (?:to|with) (?:them|the [a-z-]{1,30} team)\b/gi,
      /\bI (?:filed|raised|opened|logged) a (?:ticket|jira|bug)(?: for them| for the [a-z-]{1,30} team| and (?:moved on|waited))\b/gi,
    ],
    // Someone else did the work: counts only after the candidate routed the problem.
    afterRouting: [
      /\b(?:they|he|she|my manager|my lead|the [a-z-]{1,30} team|the owners?|someone else|support) (?:handled|fixed|resolved|took care of|sorted|dealt with|picked up) (?:it|this|the rest|the issue|the problem)\b/gi,
      /\b(?:they|he|she|my manager|the [a-z-]{1,30} (?:team|guys|engineers|folks|people)|their (?:engineers?|team|devs?|lead|dba)|qa|hr|infra|the dba|the owners?|someone else|the vendor)(?: then| eventually| finally| later| just| quickly| like)? (?:fixed|fix|fixes|rolled (?:it )?back|shut (?:them|it|those)|turned (?:some|it|them|those)|found (?:the|that|it|a|there)|backfilled|resolved|changed (?:it|the)|made the change|patched|took it from there|took over|picked it up|sorted (?:it|this|that)|investigated?|looked into|added? (?:it|the|a)|deployed)\b/gi,
      /\btook it from there\b/gi,
      /\b(?:talked|spoke) to (?:their|the other team['’]s) (?:lead|manager)\b/gi,
    ],
    ownWork: {
      pattern:
        /\b[Ii] (?:then |also |first |quickly |personally |immediately |just |myself )?(?:(?!(?:told|posted|sent|emailed|messaged|pinged|escalated|reported|flagged|forwarded|mentioned|asked|waited|hoped|noticed|tagged|informed|notified|alerted|called|talked|followed|needed|wanted|decided|realised|realized|learned|tried|started|worried|felt|guessed|assumed|believed|liked|loved|opened|filed|raised|logged|created)\b)[a-z]{3,20}ed|fixed|wrote|rewrote|changed|built|patched|implemented|rolled back|reverted|deployed|added|profiled|reproduced|traced|debugged|measured|benchmarked|tested|refactored|migrated|configured|tuned|replaced|removed|deleted|moved|set up|created|automated|shipped|re-?ran|backfilled|queried|analy[sz]ed|dug|isolated|bisected|compared|designed|prototyped|split|cleaned|corrected|updated|resized|disabled|enabled|fix|write|change|build|add|test|check|debug|deploy)\b/g,
      enough: 3,
    },
    exceptions: [
      /\b(?:after|once) I(?:['’]d| had)? (?:already )?(?:fixed|patched|mitigated|rolled back|reverted|hot-?fixed|reproduced|root-caused)\b/i,
      /\bI (?:had )?(?:already )?(?:fixed|patched|mitigated|rolled back|reverted|hot-?fixed)\b/i,
      /\b(?:with|brought|bringing|attached|including|along with|plus) (?:my|a|the) (?:[a-z-]{1,20} ){0,2}(?:fix|patch|pr|pull request|prototype|proposal|analysis|benchmark|repro|reproduction|rollback plan|design doc|evidence|root cause)\b/i,
      /\b(?:not just|instead of|rather than|without) (?:just |simply )?(?:escalat|hand|send|sending|tell|report|pass|fil|rais|ping)/i,
      /\bfor visibility\b/i,
      /\bwhat I was doing\b|\bwith (?:the|my) (?:cause|revised [a-z]{2,12}|plan|data|numbers|repro)\b/i,
    ],
    message: 'This routes the problem to someone else; it is not an action you owned.',
    fix: 'Say what you did about it yourself (the fix, the data, the plan), then who you involved and why.',
    examples: {
      fires: [
        {
          text: 'I sent them a Slack message and they handled it.',
          part: 'action',
          quotes: ['I sent them a Slack message', 'they handled it'],
        },
        { text: 'I escalated it to make sure it was resolved.', part: 'action', quotes: ['I escalated'] },
        { text: 'I think we escalated it and things got better.', part: 'situation', quotes: ['we escalated'] },
        { text: 'So I told the platform team about the drops.', part: 'action', quotes: ['I told the platform team'] },
        {
          text: 'I told my manager and she handled it with him.',
          part: 'action',
          quotes: ['I told my manager', 'she handled it'],
        },
        {
          text: 'I told them it was their fault for promising a date without asking engineering, and then I escalated it.',
          part: 'action',
          quotes: ['I told them', 'I escalated'],
        },
        {
          text: 'I would escalate to my manager to push it through.',
          part: 'action',
          quotes: ['escalate to my manager'],
        },
        {
          text: 'I wrote a Slack message to the platform team and they handled it.',
          part: 'action',
          quotes: ['I wrote a Slack message', 'they handled it'],
        },
        {
          text: 'I checked the first dashboard for it. Then I told the platform team and they fixed it.',
          part: 'action',
          quotes: ['I told the platform team', 'they fixed it'],
        },
        {
          text: 'I opened a ticket in their queue and the platform team took it from there.',
          part: 'action',
          quotes: ['opened a ticket', 'the platform team took it from there'],
        },
        {
          text: 'i posted in #incidents and tagged the on-call, they rolled back the deploy.',
          part: 'action',
          quotes: ['posted in #incidents', 'they rolled back'],
        },
        {
          text: 'I also told the platform team about it and let them take it from there.',
          part: 'action',
          quotes: ['I also told the platform team', 'let them take it from there'],
        },
        { text: 'i escalated it to the platform team and waited.', part: 'action', quotes: ['i escalated'] },
        { text: 'I *escalated* it to my manager.', part: 'action', quotes: ['I *escalated'] },
        {
          text: 'I mentioned it in the postmortem and their manager was going to look into it.',
          part: 'action',
          quotes: ['their manager was going to look into it'],
        },
        {
          text: 'I would tell my manager and let them deal with it.',
          part: 'action',
          kind: 'probe',
          question: 'What would you do?',
          quotes: ['let them deal with it'],
        },
      ],
      passes: [
        { text: "I hadn't escalated it to my manager when the alert cleared.", part: 'action' },
        {
          text: 'After I had patched the retry bug, I escalated to their lead so it became their standard.',
          part: 'action',
        },
        { text: 'I flagged it to their tech lead for visibility but brought a complete fix.', part: 'action' },
        { text: 'I escalated with my patch and the failure data attached.', part: 'action' },
        { text: 'I learned to bring a fix rather than just escalating.', part: 'reflection' },
        { text: 'Their lead said "just escalate it to your manager", but I wrote the fix.', part: 'action' },
        { text: 'I did not escalate it; I reproduced the race and I patched the lock myself.', part: 'action' },
        {
          text: 'I reproduced the leak, I patched the client and I added a soak test. Then I told the mobile team which header to send.',
          part: 'action',
        },
      ],
    },
  },
  {
    id: 'manager-directed',
    kind: 'phrase',
    dimension: 'ownership',
    severity: 'warning',
    penalty: 15,
    maxPenalty: 30,
    kinds: ['answer', 'probe'],
    parts: ['situation', 'task', 'action'],
    // Who started the work: a named requester, early in the story (a manager asking for a
    // write-up afterwards, or to stop, is not the start of the work).
    patterns: [
      /\b(?:my|our|the|his|her) (?:manager|leader|lead|tech lead|team lead|boss|director|skip(?:-level)?|em|supervisor|pm|product manager|head of [a-z]{2,20}|cto|vp)\b[^.!?\n]{0,50}?\b(?:suggested|asked (?:me|each of us|us|if I|whether I)|ask me|told me|tell me|said (?:I should|can you|could you)|wanted me|assigned|had me|gave me|made me|instructed me|directed me|recommended|called me over)\b/gi,
      /\b(?:manager|leader|lead|boss|supervisor) (?:ask|asks|asked|tell|told|want|wanted|say|said) (?:me|us)\b/gi,
      /\b(?:was|got|had been) assigned to me by\b/gi,
      /\b(?:the [a-z-]{1,30} team) (?:told|asked|wanted|instructed) me to\b/gi,
      /\bmy (?:manager|lead|boss|pm|director) decided\b/gi,
    ],
    exceptions: [
      /\b(?:asked|told|wanted|ask) (?:me|us) (?:to |if I could |whether I could )?(?:stop|pause|wait|hold|hold off|drop|not|write (?:it )?up|present|share|document|explain|why|for (?:a|the) (?:write-?up|summary|talk|doc))/i,
      /\b(?:nobody|no one|no-one) (?:had )?(?:asked|assigned|told)\b/i,
    ],
    exceptionScope: 'sentence',
    firstShare: 0.55,
    message: 'Someone else started this; the initiative sounds like theirs, not yours.',
    fix: 'Say why you chose to act: what you noticed, what it cost, and what you decided to do.',
    examples: {
      fires: [
        { text: 'My manager suggested I look into the drop rate.', part: 'task', quotes: ['My manager suggested'] },
        {
          text: 'My manager, who ran the payments group, asked me to own the migration.',
          part: 'task',
          quotes: ['My manager, who ran the payments group, asked me'],
        },
        { text: 'Manager ask me to improve the code quality of the module.', part: 'task', quotes: ['Manager ask me'] },
        {
          text: 'The product team told me to move it, so I moved it.',
          part: 'action',
          quotes: ['The product team told me to'],
        },
        {
          text: 'My manager decided the scope and I just built what was on the list.',
          part: 'action',
          quotes: ['My manager decided'],
        },
      ],
      passes: [
        { text: 'Nobody had asked me to look at it, so I decided to own it.', part: 'task' },
        { text: 'I asked my manager for two days to prototype the fix.', part: 'action' },
        { text: 'My manager asked me to stop until our release was out, so I waited a week.', part: 'action' },
        { text: 'I was assigned the migration last quarter.', part: 'task' },
      ],
    },
  },
  {
    id: 'hedging',
    kind: 'phrase',
    dimension: 'delivery',
    severity: 'warning',
    penalty: 6,
    maxPenalty: 30,
    kinds: ['answer', 'probe'],
    // Doubt about the context is not hedging; doubt about what you did and what came of it is.
    parts: ['action', 'result', 'reflection'],
    patterns: [
      /\bI (?:think|guess|believe|suppose|feel like)\b/gi,
      // "a new kind of load test" names a kind; "kind of fixed it" hedges.
      /(?<!\b(?:a|an|new|this|that|what|any|some|every|the|one|same|other|different) )\b(?:kind of|sort of)\b/gi,
      /\b(?:maybe|perhaps|hopefully|probably|possibly|somewhat|more or less|somehow)\b/gi,
      /\b(?:I|we|and|just|so|but) (?:had )?hoped?\b|\bI['’]?m hoping\b/gi,
      /\bI['’]?m not (?:really )?sure\b/gi,
      /\bor something (?:like that)?\b/gi,
    ],
    exceptions: [
      // Doubt resolved by action: "I wasn't sure, so I measured".
      /\b(?:so|and|then|until) I (?:checked|measured|tested|verified|asked|looked|ran|read|proved|confirmed|profiled|traced|wrote|built|tried)\b/i,
    ],
    exceptionScope: 'sentence',
    agentless: {
      pattern:
        /\b(?:was|were|got|been) (?:then |also |quickly |finally |eventually |all )?(?:[a-z]{3,20}ed|built|written|made|set up|sent|done|taken|run|chosen|drawn|held|given|kept|found|shown|rewritten|begun)\b(?! by\b)/gi,
      min: 3,
    },
    message: 'Hedging makes your own story sound uncertain.',
    fix: 'State what happened plainly; if you are unsure of a number, give the range you measured.',
    examples: {
      fires: [
        { text: 'I think the problem got fixed.', part: 'result', quotes: ['I think'] },
        { text: 'It kind of worked, so maybe the fix helped a bit.', part: 'result', quotes: ['kind of', 'maybe'] },
        {
          text: 'A migration plan was created. The services were migrated one by one and the old runners were switched off.',
          part: 'action',
          quotes: ['was created', 'were migrated', 'were switched'],
        },
        {
          text: 'I just opened the pull request and hoped they would merge it soon.',
          part: 'action',
          kind: 'probe',
          quotes: ['and hoped'],
        },
      ],
      passes: [
        { text: 'The drop rate went from 0.3% to zero.', part: 'result' },
        { text: 'He said "maybe next quarter", so I brought him the numbers.', part: 'action' },
        { text: 'I wrote a new kind of load test. This sort of bug hides in connection pools.', part: 'action' },
        { text: 'The merchants were hoping for a fix before the sale.', part: 'situation' },
        { text: "I wasn't sure it was the cache, so I measured the hit rate before and after.", part: 'action' },
        { text: "My lead said 'I think we should maybe just wait', but I shipped the fix.", part: 'action' },
      ],
    },
  },
  {
    id: 'hypothetical',
    kind: 'phrase',
    dimension: 'delivery',
    severity: 'warning',
    penalty: 14,
    maxPenalty: 40,
    kinds: ['answer', 'probe'],
    parts: ['situation', 'task', 'action', 'result'],
    offForHypotheticalQuestions: true,
    patterns: [
      /\bI would\b/gi,
      /\bI['’]d (?:usually|typically|normally|always|probably|just|try|start|go|make|look|ask|check)\b/gi,
      /\b(?:I|we) (?:usually|typically|generally|normally|tend to|always try to)\b/gi,
      /\bwhat I (?:would|['’]d) do\b/gi,
      /\byou (?:would|should|need to)\b/gi,
      /\b(?:usually|typically|normally|generally),? I\b/gi,
      /\bif I were\b/gi,
    ],
    exceptions: [
      /\b(?:if I did it again|next time|in hindsight|looking back)\b/i,
      /\b(?:told|said|promised|committed|agreed|confirmed)\b[^.!?\n]{0,40}\bI would\b/i,
    ],
    exceptionScope: 'sentence',
    message: 'A hypothetical or a habit, where the interviewer asked what you did.',
    fix: 'Tell the one time it happened, in the past tense: "I did", not "I would" or "I usually".',
    examples: {
      fires: [
        { text: 'In that situation I would first look at the logs.', part: 'action', quotes: ['I would'] },
        { text: 'I usually write a design doc before I start.', part: 'action', quotes: ['I usually'] },
        { text: 'Usually I write a design doc first.', part: 'action', quotes: ['Usually I'] },
        {
          text: 'I would gather more data and propose an alternative.',
          part: 'action',
          kind: 'probe',
          question: 'How did you convince them?',
          quotes: ['I would'],
        },
      ],
      passes: [
        { text: 'I pulled the logs and grouped the failures.', part: 'action' },
        { text: 'I told the PM I would have a fix by Friday, and I shipped it on Thursday.', part: 'action' },
        { text: 'I made it so that you have to type the table name to drop it.', part: 'action' },
        {
          text: 'I would gather more data and propose an alternative.',
          part: 'action',
          kind: 'probe',
          question: 'What would you have done if they had said no?',
        },
      ],
    },
  },
  {
    id: 'blame',
    kind: 'phrase',
    dimension: 'ownership',
    severity: 'warning',
    penalty: 15,
    maxPenalty: 30,
    cap: 'no-hire', // an interviewer stops listening once the failure is someone else's
    kinds: ['answer', 'probe'],
    parts: ALL_PARTS,
    patterns: [
      /\b(?:it|that|this) was (?:their|his|her|the [a-z-]{1,30} team['’]s|the vendor['’]s|qa['’]s|product['’]s) (?:fault|mistake|problem|screw-?up)\b/gi,
      /\b(?:they|he|she|the [a-z-]{1,30} team|the vendor|qa|product|management|the intern|the contractors?) (?:messed up|screwed up|dropped the ball|blew it|broke it|didn['’]t do (?:their|his|her) job|didn['’]t care|never (?:listened|responded|bothered))\b/gi,
      /\bnot my fault\b/gi,
      // An excuse put on circumstances: "mostly because a reorg moved people around".
      /\b(?:mostly|mainly|largely|partly) because (?:of )?(?:a|the) (?:reorg|re-org|reorgani[sz]ation|other team|vendor|freeze|dependency|priorities)\b/gi,
      /\b(?:was(?:n['’]t| not)|isn['’]t) (?:really |entirely )?my fault\b/gi,
      /\b(?:really |entirely |totally |all )?(?:their|his|her|the [a-z-]{1,30}['’]s) fault\b/gi,
      /\bbecause (?:they|the [a-z-]{1,30} team) (?:didn['’]t|failed to|refused to|wouldn['’]t)\b/gi,
      /\b(?:incompetent|careless|clueless)\b|\blazy\b(?![ -](?:load|init|eval|instantiat|fetch|import|render|hydrat))/gi,
    ],
    exceptions: [
      /\bblameless\b/i,
      /\b(?:it|that|this) was (?:all |entirely )?my (?:own )?(?:fault|mistake)\b/i,
      /\bthe (?:outage|mistake|bug) was mine\b/i,
      /\b(?:not|wasn['’]t|isn['’]t) (?:really )?their fault\b/i,
    ],
    message: 'The failure is put on other people.',
    fix: 'Describe what went wrong as facts, and focus on what you did and what you would change.',
    examples: {
      fires: [
        {
          text: "It was the platform team's fault, they dropped the ball on alerts.",
          part: 'situation',
          quotes: ["It was the platform team's fault", 'they dropped the ball'],
        },
        { text: 'The release slipped because QA was careless.', part: 'result', quotes: ['careless'] },
        {
          text: 'The fraud team held it up, which was really their fault.',
          part: 'situation',
          quotes: ['really their fault'],
        },
        { text: "The delays were the reorg's fault.", part: 'situation', quotes: ["the reorg's fault"] },
        {
          text: "Honestly it wasn't really my fault. The dates moved.",
          part: 'situation',
          quotes: ["wasn't really my fault"],
        },
      ],
      passes: [
        { text: 'I moved seven of them to lazy initialisation.', part: 'action' },
        { text: 'The outage was my mistake: I skipped the canary.', part: 'situation' },
        { text: "It wasn't their fault; the alert was never wired up.", part: 'situation' },
        { text: 'I ran a blameless review and nobody was careless in it.', part: 'action' },
        { text: 'I lazy-loaded the reviews widget and deleted 300 useless log lines.', part: 'action' },
      ],
    },
  },
  {
    id: 'no-metric',
    kind: 'absence',
    dimension: 'impact',
    severity: 'warning',
    penalty: 0, // the impact score simply gets no credit for a number
    maxPenalty: 0,
    cap: 'lean-hire',
    kinds: ['answer'],
    parts: ['result'],
    patterns: [ANY_NUMBER],
    message: 'The result has no number: no percentage, money, time or count.',
    fix: 'Give the before and after ("from 0.3% to zero"), then what it meant: money, customers, hours.',
    examples: {
      fires: [
        {
          text: 'Things got a lot better and the merchants stopped complaining.',
          part: 'result',
          quotes: ['Things got a lot better and the merchants stopped complaining.'],
        },
        {
          text: 'The drop rate improved after the fix went out.',
          part: 'result',
          quotes: ['The drop rate improved after the fix went out.'],
        },
      ],
      passes: [
        { text: 'The drop rate went from 0.3% to zero.', part: 'result' },
        { text: 'Build times halved and nobody waited on CI any more.', part: 'result' },
        { text: 'We recovered about $8K a week.', part: 'result' },
      ],
    },
  },
  {
    id: 'vague-result',
    kind: 'phrase',
    dimension: 'impact',
    severity: 'warning',
    penalty: 12,
    maxPenalty: 30,
    subsumedBy: 'no-metric',
    kinds: ['answer', 'probe'],
    parts: ['action', 'result', 'reflection'],
    patterns: [
      /\bthings (?:got|went|were|became) (?:a lot |much )?(?:better|well|fine|smoother|great)\b/gi,
      /\bthings improved\b/gi,
      /\b(?:it|everything|the (?:project|launch|rollout|migration|release)) (?:went|worked out|turned out) (?:really )?(?:well|great|fine|ok(?:ay)?|smoothly|nicely)\b/gi,
      /\b(?:the |my )?(?:team|everyone|everybody|customers?|stakeholders?|users?|management|client|manager|leadership|finance|product|ops|sales|support|the business|people) (?:was|were|seemed|felt) (?:really |very |all )?(?:happy|pleased|satisfied|glad|thrilled|impressed|happier)\b/gi,
      /\b(?:down|up) a lot\b|\ba lot (?:faster|quicker|better|smoother|fewer|less)\b|\bmuch (?:faster|quicker|happier|better|smoother)\b|\bway (?:faster|fewer|better|quicker)\b/gi,
      /\b(?:it|the (?:project|launch|change|feature|migration)) was a (?:big |huge |great |real )?success\b/gi,
      /\b(?:made|had) a (?:big|huge|real|positive|significant|great) (?:difference|impact)\b/gi,
      /\b(?:it|this|the (?:issue|problem|bug|incident)|everything|things) (?:got|was|were) (?:fixed|resolved|solved|sorted)(?: eventually| in the end)?\b/gi,
      /\bimproved (?:a lot|significantly|dramatically|greatly|massively|things)\b/gi,
      /\b(?:positive|good|great) feedback\b/gi,
      /\bthe (?:[a-z-]{1,20} )?(?:rate|latency|performance|reliability|numbers?|metrics?) (?:improved|got better|went down|went up)\b/gi,
    ],
    exceptions: [ANY_NUMBER],
    exceptionScope: 'sentence',
    message: 'A vague outcome: it describes a mood, not an impact anyone can check.',
    fix: 'Replace it with the measured change and who benefited: "p99 fell from 900 ms to 240 ms for 2M users".',
    examples: {
      fires: [
        {
          text: 'Things got better and the team was happy.',
          part: 'result',
          quotes: ['Things got better', 'the team was happy'],
        },
        {
          text: 'I interviewed five users about it. The launch went really well and the stakeholders were pleased.',
          part: 'result',
          quotes: ['The launch went really well', 'the stakeholders were pleased'],
        },
        { text: 'In the end things got better and no one complained.', part: 'result', quotes: ['things got better'] },
        {
          text: 'I think the problem got fixed and the drop rate improved.',
          part: 'result',
          quotes: ['the problem got fixed', 'the drop rate improved'],
        },
      ],
      passes: [
        { text: 'The drop rate improved from 0.3% to zero.', part: 'result' },
        { text: 'The bug got fixed within 2 hours.', part: 'result' },
        { text: 'Afterwards, the stakeholders were pleased with the 40% cut in the 2 hour build.', part: 'result' },
        { text: 'Their architect said plainly that my concern was resolved.', part: 'result' },
      ],
    },
  },
  {
    id: 'no-scope-boundary',
    kind: 'absence',
    dimension: 'ownership',
    severity: 'warning',
    penalty: 20,
    maxPenalty: 20,
    kinds: ['answer'],
    onlyOnOwnershipAsk: true,
    parts: ALL_PARTS,
    patterns: [
      /\bnot (?:my|our) (?:own )?(?:job|team|teams?['’]s?|code|service|system|responsibility|area|project|problem|scope|remit|module|component)\b/i,
      /\b(?:was|is)(?:n['’]t| not) (?:mine|ours|my (?:job|responsibility|area|code|team['’]s)|assigned to (?:me|us)|on my (?:plate|roadmap))\b/i,
      /\boutside (?:of )?(?:my|our) (?:team|scope|remit|area|job|responsibilit(?:y|ies)|ownership)\b/i,
      /\b(?:nobody|no one|no-one) (?:had )?(?:asked|assigned|owned|was assigned|was responsible|was looking|was on)\b/i,
      /\bno (?:ticket|owner|one owned|assignment)\b/i,
      /\b(?:belonged|belongs) to (?:the|another|a different) /i,
      /\b(?:owned|maintained) by (?:the [a-z-]{1,30} team|another team|a different team)\b/i,
      /\banother team['’]s\b|\bunowned\b|\bnot part of my\b/i,
      /\b(?:was|is|were|are)(?:n['’]t| not) (?:even )?(?:really )?(?:my|our) [a-z-]{2,20}\b/i,
      /\b(?:n['’]t|not) (?:even )?(?:in|on|part of) (?:my|our|the) (?:team['’]s )?(?:[a-z-]{1,20} )?(?:rotation|remit|roadmap|scope|job|area|plate|team|backlog)\b/i,
      /\bI['’]?m not (?:even )?on (?:a|the|that|their) [a-z-]{1,30} team\b/i,
      /\b(?:owned|made|run|maintained|built|written) by (?:the|a|another|a separate|a different|their) (?:[a-z-]{1,30} ){0,2}(?:team|squad|group|department|vendor|contractor)\b/i,
      /\bthe [a-z-]{1,30} (?:squad|team|group|department)['’]s (?:thing|area|job|service|code|problem|budget|system|module|responsibility)\b/i,
      /\b(?:sits|sat|lives|lived) (?:with|in) (?:the|another|a different) [a-z-]{1,30} (?:team|squad|group|budget)\b/i,
      /\b(?:is|was) (?:normally |usually )?the job of\b|\bno-?man['’]s[ -]land\b|\bnobody (?:was going to|would) (?:assign|ask|fix|own)\b|\bnobody had raised\b/i,
      /\b(?:the|another|a different) [a-z-]{1,30} (?:team|squad|group) (?:owns|owned|runs|maintains)\b/i,
      /\bmy team only (?:uses|consumes|calls)\b|\bonly assigned to\b|\bI['’]?m an? (?:front-?end|back-?end|mobile|android|ios|qa|data|support|ux|design|junior|new-?grad) [a-z-]{2,20}\b/i,
      /\b(?:not|never) (?:really )?(?:something|anything) (?:the|my|our) [a-z-]{1,30} (?:folks|team|people|engineers)\b|\bnot my (?:call|decision|system|script)\b/i,
    ],
    message: 'An ownership story that never says the problem was outside your job.',
    fix: 'Say where your responsibility ended: "This was not my team\'s service and nobody had asked me to fix it."',
    examples: {
      fires: [
        {
          text: 'I noticed webhooks were failing. I traced the timeouts, wrote a fix and deployed it. Drops went from 0.3% to zero.',
          lp: 'ownership',
          quotes: ['I noticed webhooks were failing.'],
        },
      ],
      passes: [
        {
          text: "I noticed webhooks were failing in a service that was not my team's, and nobody had asked me to look. I traced the timeouts, wrote a fix and deployed it. Drops went from 0.3% to zero.",
          lp: 'ownership',
        },
        {
          text: 'I noticed webhooks were failing. I traced the timeouts, wrote a fix and deployed it. Drops went from 0.3% to zero.',
          lp: 'dive-deep',
        },
      ],
    },
  },
  {
    id: 'generic-reflection',
    kind: 'phrase',
    dimension: 'reflection',
    severity: 'warning',
    penalty: 20,
    maxPenalty: 35,
    kinds: ['answer', 'probe'],
    parts: ['reflection'],
    patterns: [
      /\bcommunication (?:is|matters)\b/gi,
      /\bI learned (?:to|how to) (?:communicate|collaborate|work together)(?: better| more)?\b/gi,
      /\b(?:teamwork|collaboration) (?:is|matters|makes)\b/gi,
      /\bI learned (?:a lot|so much|many things|the importance of)\b/gi,
      /\b(?:the )?importance of (?:communication|teamwork|collaboration|planning|testing|good communication)\b/gi,
      /\balways (?:communicate|ask for help|double-check|test your code)\b/gi,
      /\bit['’]?s (?:important|good|key) to (?:communicate|collaborate|work together|plan|ask)\b/gi,
      /\bgrew (?:a lot )?as (?:an engineer|a person)\b/gi,
      /\bI learned that (?:[a-z-]{1,20} ){1,3}(?:is|are) (?:so |really |very )?(?:important|key|crucial|essential|vital)\b/gi,
      // Slogans that would close any story.
      /\b(?:always|never) (?:listen to|stop learning|stay curious|give up|compromise on|stop improving|be afraid)\b/gi,
      /\b(?:the )?customers? (?:always )?(?:comes?|is) first\b|\bthe customer is always right\b/gi,
      /\bteamwork makes the dream work\b|\bhappy team ?(?:=|is an?|makes an?) ?productive team\b|\bour people are our greatest asset\b/gi,
      /\b(?:hard work|persistence) (?:always )?pays off\b|\banything is possible\b|\bwith great power comes great responsibility\b/gi,
      /\bdata beats opinions?\b|\bstrong opinions,? weakly held\b|\bquality is a journey\b|\blead by example\b/gi,
      /\b(?:simple|simpler|simplicity) is (?:always )?(?:better|key|best)\b|\bless is more\b/gi,
      /\bit['’]?s always better to [a-z]{2,20} (?:early|first|often)\b/gi,
      /\b(?:[a-z-]{1,20} ){1,3}is (?:very |so |really |super |the most )?important(?:,| even| in| for|\.|$)/gim,
      /\bis the most important thing\b|\bgreat learning experience\b|\bat the end of the day\b|\bglad I made the call\b/gi,
      /\byou (?:should|have to|need to|must) (?:never|always|believe|trust|care|work hard)\b/gi,
    ],
    // Only the close counts, and a close that names a changed habit or mechanism is not generic.
    closing: {
      sentences: 2,
      unless:
        /\b(?:I now|now I|I still|these days I|my rule now|what I (?:actually )?do now|whenever I|every time I|before (?:I|any|every)|from then on|since then,? I|I use (?:it|that|this|the)|I (?:always|never) (?:write|check|run|start|ask|post|review|keep|give|open|add|list))\b/i,
    },
    message: 'A reflection that fits every story tells the interviewer nothing about this one.',
    fix: 'Name what this story taught you and what you now do differently because of it.',
    examples: {
      fires: [
        {
          text: 'I learned that communication is important.',
          part: 'reflection',
          quotes: ['I learned that communication is important'],
        },
        {
          text: 'I learned a lot and grew as an engineer.',
          part: 'reflection',
          quotes: ['I learned a lot', 'grew as an engineer'],
        },
        {
          text: 'I learned that data quality is important.',
          part: 'reflection',
          quotes: ['I learned that data quality is important'],
        },
        {
          text: 'I learned to communicate better with stakeholders.',
          part: 'reflection',
          quotes: ['I learned to communicate better'],
        },
        {
          text: 'I learned that communication matters most in a crisis.',
          part: 'reflection',
          quotes: ['communication matters'],
        },
      ],
      passes: [
        {
          text: 'I learned to bring a working fix and the numbers when I ask another team to change.',
          part: 'reflection',
        },
      ],
    },
  },
  {
    id: 'filler',
    kind: 'phrase',
    dimension: 'delivery',
    severity: 'info',
    penalty: 3,
    maxPenalty: 15,
    kinds: ['answer', 'probe'],
    parts: ALL_PARTS,
    patterns: [
      /\b(?:um+|uh+|erm|basically|literally|you know|and stuff|or whatever|stuff like that|so yeah|honestly)\b/gi,
      /\bto be honest,/gi,
      /\blike,/gi,
    ],
    message: 'Filler words take time and sound unsure.',
    fix: 'Cut them; a short pause is better than a filler word.',
    examples: {
      fires: [
        {
          text: 'So basically I, you know, fixed the config and stuff.',
          part: 'action',
          quotes: ['basically', 'you know', 'and stuff'],
        },
        { text: 'To be honest, I did not read the runbook.', part: 'action', quotes: ['To be honest,'] },
      ],
      passes: [
        { text: 'I fixed the configuration and added a test for it.', part: 'action' },
        { text: 'I needed to be honest about what the bank gave up.', part: 'task' },
      ],
    },
  },
  {
    id: 'missing-star-part',
    kind: 'computed',
    dimension: 'structure',
    severity: 'warning',
    penalty: 0, // per part, see PART_MISSING_PENALTY
    maxPenalty: 100,
    kinds: ['answer'],
    message: 'A STAR part is missing.',
    fix: 'Tell one real time: the Situation, what you did (Action) and what came of it (Result); the Task can be implicit and a lesson is a bonus.',
    examples: {
      fires: [
        {
          text: 'If a deploy broke checkout, I would first look at the dashboards. I would roll back and I would tell the team. I usually write a postmortem after that.',
          quotes: ['If a deploy broke checkout, I would first look at the dashboards.'],
        },
        {
          text: 'I always make sure everyone on the team feels heard. I believe that is what makes a team work.',
          quotes: ['I always make sure everyone on the team feels heard.'],
        },
      ],
      passes: [
        {
          text: 'At my previous job I was on the checkout team when payments started failing for 2% of users. My goal was to stop the failures before the weekend sale. I pulled the logs, traced it to an expired certificate and rotated it. I added an expiry alert to every certificate we serve. As a result failures went from 2% to zero within an hour. I learned to alert on expiry dates, and I now check them in every design review.',
        },
      ],
    },
  },
  {
    id: 'no-story',
    kind: 'computed',
    dimension: 'structure',
    severity: 'error',
    penalty: 0,
    maxPenalty: 0,
    cap: 'no-hire',
    kinds: ['answer'],
    message: 'Not a story: habits, opinions or what you would do, instead of one time you did it.',
    fix: 'Pick one real time it happened and tell it in the past tense: where you were, what you did, what came of it.',
    examples: {
      fires: [
        {
          text: 'When I disagree with my manager, I would first make sure I understand their reasoning. I would ask questions before pushing back. If I still disagreed, I would gather data and schedule a one-on-one. I usually find that this works.',
          quotes: ['When I disagree with my manager, I would first make sure I understand their reasoning.'],
        },
        {
          text: 'In my experience simplicity is the most important thing. I always look at the architecture with fresh eyes and I usually find code to delete. I believe that the best code is the code you do not write.',
          quotes: ['In my experience simplicity is the most important thing.'],
        },
      ],
      passes: [
        {
          text: 'Last spring our checkout crashed on cheap phones. I bought two of the handsets, profiled the app and found the image cache decoding full-size photos. I changed the decoder to downsample and added a low-memory device to the test matrix. Crash-free sessions went from 97.1% to 99.6% within two weeks.',
        },
      ],
    },
  },
  {
    id: 'off-principle',
    kind: 'computed',
    dimension: 'structure',
    severity: 'warning',
    penalty: 0,
    maxPenalty: 0,
    cap: 'lean-no-hire',
    kinds: ['answer'],
    message: 'The story shows none of the signs of the principle you were asked about.',
    fix: 'Pick a story where the principle is the point, or say plainly which part of this one shows it.',
    examples: {
      fires: [
        {
          lp: 'hire-and-develop-the-best',
          text: 'Last March our checkout service started timing out for about 3% of payments. I pulled the traces, found that a retry loop hammered the card processor after each slow response, and I rewrote it with exponential backoff and a cap of three attempts. I shipped the fix behind a flag the same afternoon. Timeouts fell from 3% to 0.1% within a day, and I added an alert on retry rates so the next regression shows up before customers notice it.',
          quotes: [''],
        },
      ],
      passes: [
        {
          lp: 'dive-deep',
          text: 'Last March our checkout service started timing out for about 3% of payments. I pulled the traces, found that a retry loop hammered the card processor after each slow response, and I rewrote it with exponential backoff and a cap of three attempts. I shipped the fix behind a flag the same afternoon. Timeouts fell from 3% to 0.1% within a day, and I added an alert on retry rates so the next regression shows up before customers notice it.',
        },
        {
          lp: 'hire-and-develop-the-best',
          text: 'Last year a new engineer joined my team straight from university and struggled with code reviews. I paired with her twice a week, gave her small features with clear owners and wrote down the feedback I gave after each review. Within three months her pull requests needed one round of review instead of four, and she now mentors the next new joiner.',
        },
      ],
    },
  },
  {
    id: 'too-short',
    kind: 'computed',
    dimension: 'delivery',
    severity: 'error',
    penalty: 40,
    maxPenalty: 40,
    cap: 'lean-no-hire',
    kinds: ['answer', 'probe'],
    message: 'Too short to show what you did.',
    fix: 'Walk through Situation, Task, Action and Result; aim for about two minutes.',
    examples: {
      fires: [
        { text: 'I fixed the bug and it worked.', quotes: ['I fixed the bug and it worked.'] },
        { text: 'Because I had some free time.', kind: 'probe', quotes: ['Because I had some free time.'] },
      ],
      passes: [
        {
          text: 'I raised it with their lead with a tested fix and the failure data, argued for shipping before the freeze, and when he said no I committed to his date and helped his team test it.',
          kind: 'probe',
        },
      ],
    },
  },
  {
    id: 'too-long',
    kind: 'computed',
    dimension: 'delivery',
    severity: 'warning',
    penalty: 20,
    maxPenalty: 30,
    kinds: ['answer', 'probe'],
    message: 'Longer than the interviewer will listen to.',
    fix: 'Cut the background and keep the Action; aim for the time budget of your level.',
    examples: {
      fires: [
        {
          text: `At my previous job ${'I tuned the cache layer and measured the hit rate again. '.repeat(60)}`,
          quotes: ['At my previous job I tuned the cache layer and measured the hit rate again.'],
        },
      ],
      passes: [
        { text: 'I traced the timeouts to the retry logic and wrote a fix with a dead-letter alert.', kind: 'probe' },
      ],
    },
  },
];

/** Points off the structure score for each missing part. */
export const PART_MISSING_PENALTY: Record<StarPart, number> = {
  situation: 15,
  task: 15,
  action: 40,
  result: 30,
  reflection: 10,
};
