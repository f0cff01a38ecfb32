// What a story for each Leadership Principle usually shows: cue patterns, as data. The
// off-principle flag fires when an answer given for a principle shows none of its cues (a good
// bug-fix story told for Hire and Develop the Best, say). The lists are deliberately wide: a
// missed cue costs a false flag on a good answer, which is worse than a missed off-principle story.
// Written for this rubric, informed by the scenario library's lenses and key phrases.
import type { LpId } from '../lp.js';
import { ANY_MATCHES, type PossibleMatches } from './prefilter.js';

export interface PrincipleSignals {
  /** What the flag's message names as the cues it looked for. */
  expected: string;
  patterns: readonly RegExp[];
}

export const PRINCIPLE_SIGNALS: Record<LpId, PrincipleSignals> = {
  'customer-obsession': {
    expected: 'a customer or user, what they felt or needed, and working back from them',
    patterns: [
      /\b(?:customers?|users?|clients?|shoppers?|buyers?|sellers?|merchants?|partners?|patients?|riders?|drivers?|subscribers?|readers?|players?|members?|accounts?|tenants?|callers?|guests?|visitors?|consumers?|people who|end[- ]users?)\b/i,
      /\b(?:complain\w*|support tickets?|tickets?|churn\w*|feedback|survey\w*|nps|csat|refund\w*|trust|experience|pain|frustrat\w*)\b/i,
    ],
  },
  ownership: {
    expected: 'owning something beyond your remit, long-term thinking, not "that is not my job"',
    patterns: [
      /\b(?:own\w*|responsib\w*|nobody|no one|no-one|not my (?:job|team|area|code|service)|outside (?:my|our)|on my own|took it on|volunteer\w*|step(?:ped)? (?:in|up)|without being asked|long[- ]term|unowned|orphan\w*|fell (?:to|between)|pick(?:ed)? (?:it|this) up|took (?:over|charge))\b/i,
      /\b(?:another|other|their|the \w+) team\b/i,
    ],
  },
  'invent-and-simplify': {
    expected: 'a new or simpler way: invented, simplified, automated, removed steps',
    patterns: [
      /\b(?:simpl\w*|invent\w*|new (?:way|approach|tool|design|idea)|idea|automat\w*|script\w*|tool\w*|prototyp\w*|redesign\w*|rewr(?:ote|ite)|replac\w*|remov\w*|delet\w*|cut|elimin\w*|merg\w*|consolidat\w*|fewer|reus\w*|innovat\w*|creative|built|instead|generic|template|library|framework)\b/i,
    ],
  },
  'are-right-a-lot': {
    expected: 'a judgement call: data, options weighed, other views sought, being wrong and correcting',
    patterns: [
      /\b(?:decid\w*|decision|judg\w*|data|evidence|assum\w*|hypothes\w*|bet|option\w*|alternatives?|trade[- ]?offs?|weigh\w*|instinct|intuition|wrong|right|mistake|correct\w*|predict\w*|prov(?:ed|en|e)|validat\w*|test\w*|disagre\w*|opinions?|views?|perspectives?|recommend\w*|chose|choice|believ\w*|forecast\w*|models?|spreadsheet|expected|doubt\w*|sure|reason\w*|turned out|showed|instincts?|gut|signals?|read of|call\b|false (?:positives?|alarms?)|triag\w*|looked like|seemed|hunch\w*|guess\w*|risk\w*|priorit\w*)\b/i,
    ],
  },
  'learn-and-be-curious': {
    expected: 'learning something new, curiosity, reading, teaching yourself, exploring',
    patterns: [
      /\b(?:learn\w*|curio\w*|taught myself|teach\w*|read\w*|study\w*|studied|explor\w*|new to (?:me|us)|unfamiliar|course|paper|book|document\w*|experiment\w*|wonder\w*|dug into|understand\w*|research\w*|first time|never (?:used|worked|done|seen))\b/i,
    ],
  },
  'hire-and-develop-the-best': {
    expected:
      'developing or hiring people: mentoring, coaching, hiring, interview loop, onboarding, raising the bar, feedback to a person, someone\u2019s growth',
    patterns: [
      /\b(?:mentor\w*|mentee|coach\w*|hir(?:e|ed|es|ing)|recruit\w*|interview\w*|candidates?|onboard\w*|new (?:joiner|hire|starter|engineer|colleague|member)s?|bar raiser|raised? the bar|promot\w*|career|grow(?:th)?|develop(?:ed|ing)? (?:him|her|them|people|the team|engineers?)|train(?:ed|ing)? (?:him|her|them|people|the team|new|junior)|pair(?:ed|ing)? with|junior|intern\w*|apprentic\w*|performance review|feedback to|gave (?:him|her|them) feedback|stretch|delegat\w*|strengths|talent|teach\w*|taught|one[- ]on[- ]ones?|1:1s?|skills?|training|workshops?|champions?|programmes?|programs?|guid(?:e|ed|ing|ance)|their judgement|his judgement|her judgement|readiness|ready to|hand(?:ed)? over to (?:him|her|them)|own(?:ed)? it (?:himself|herself|themselves)|train\w*|paired|pairs?|shadow\w*|new (?:person|people|staff|pickers?|team members?|colleagues?)|practi[cs]e\w*|experienced (?:people|ones|engineers|colleagues)|confidence)\b/i,
    ],
  },
  'insist-on-the-highest-standards': {
    expected: 'a higher bar: quality, standards, refusing to ship less, raising the bar for others',
    patterns: [
      /\b(?:standards?|quality|bar|polish\w*|bugs?|defects?|review\w*|tests?|testing|coverage|checklist|rigou?r\w*|refus\w*|block\w*|reject\w*|not good enough|wasn'?t good enough|sloppy|flaky|reliab\w*|regress\w*|high(?:er)? bar|raised|hold|insist\w*|pushed back|postmortem|root cause|recurr\w*|guardrails?|lint\w*|check\w*|verif\w*|validat\w*|correct\w*|accura\w*|precis\w*|mismatch\w*|didn'?t match|did not match|dug|paranoid|silent\w*|thorough\w*|double[- ]check\w*|detail\w*|edge cases?|good enough|properly|right way)\b/i,
    ],
  },
  'think-big': {
    expected: 'a bold or broader direction: vision, scale, a platform, beyond the immediate ask',
    patterns: [
      /\b(?:vision|bold|big(?:ger)?|ambitio\w*|platform|scale|long[- ]term|roadmap|strateg\w*|whole (?:company|org\w*|team|industry)|every (?:team|service|product)|across|org[- ]wide|company[- ]wide|10x|ten times|years?|future|broad\w*|pitch\w*|proposal|propos\w*|beyond|instead of (?:just|only)|transform\w*|other teams?|shared|adopt\w*|general\w*|patterns?|all \d+|whole|reusable|everyone|every|org\w*|company|industry|multipl\w*|all (?:the|our) \w+|bigger|larger|more than (?:asked|the ticket)|nobody had asked)\b/i,
    ],
  },
  'bias-for-action': {
    expected: 'acting quickly under uncertainty: speed, a calculated risk, a reversible decision',
    patterns: [
      /\b(?:quick\w*|fast\w*|speed|immediate\w*|right away|same day|that (?:day|night|afternoon|evening)|within (?:an? |\d+ )?(?:hours?|minutes?|days?)|hours?|urgent\w*|deadline|risk\w*|revers\w*|roll(?:ed)? ?back|two[- ]way door|without waiting|didn'?t wait|did not wait|rather than wait\w*|before (?:we|i) had|incomplete|uncertain\w*|calculated|mitigat\w*|hotfix|workaround|shipped|acted|act\b|moved|days?|weeks?|prototyp\w*|experiment\w*|trial\w*|pilot\w*|switch\w*|flags?|undo\w*|undone|initiative|rather than|instead of waiting|decided|stopgap|temporar\w*|test(?:ed)? it|small test|minutes?|emergency|not answering|couldn'?t reach|could not reach|unreachable|straight away|at once|on the spot|without permission|permission)\b/i,
    ],
  },
  frugality: {
    expected: 'doing more with less: a constraint, no extra budget or headcount, reuse, cheaper',
    patterns: [
      /\b(?:frugal\w*|budget\w*|cost\w*|cheap\w*|sav(?:e|ed|es|ing|ings)|spend\w*|spent|money|\$|dollars?|euros?|pounds?|£|€|headcount|no (?:extra|more|additional)|without (?:extra|more|additional|hiring|buying|a new)|reus\w*|existing|constrain\w*|limited|resourc\w*|licen[cs]\w*|vendor|bill\w*|invoice\w*|instances?|servers?|capacity|rightsiz\w*|downsiz\w*|free|open[- ]source|in[- ]house|less|fewer|cut)\b/i,
    ],
  },
  'earn-trust': {
    expected: 'trust: listening, candour, admitting a mistake, keeping a commitment, respect',
    patterns: [
      /\b(?:trust\w*|listen\w*|candid\w*|candou?r|honest\w*|transparen\w*|admit\w*|apologi[sz]\w*|owned up|my mistake|my fault|i was wrong|credib\w*|relationship\w*|respect\w*|promis\w*|commit\w*|kept|keep (?:my|our) word|deliver\w* on|feedback|concerns?|openly|shared|told (?:him|her|them|the)|explained|vulnerab\w*|rapport|repair\w*|rebuil\w*|stakeholders?|believ\w*|estimat\w*|early|progress|up ?front|told|said|updates?|updated|expectations?|reliab\w*|dates?|honoured|honored|confiden\w*|credit|acknowledg\w*|openness|clear(?:ly)?)\b/i,
    ],
  },
  'dive-deep': {
    expected: 'going into the detail: data, logs, metrics, root cause, anomalies, auditing',
    patterns: [
      /\b(?:root cause|dug|dig\w*|deep\w*|detail\w*|data|logs?|metrics?|traces?|tracing|dashboards?|profil\w*|debug\w*|investigat\w*|analy[sz]\w*|audit\w*|anomal\w*|discrepan\w*|mismatch\w*|queries?|query|sql|measure\w*|numbers?|graphs?|samples?|inspect\w*|found|noticed|bug|cause|why)\b/i,
    ],
  },
  'have-backbone-disagree-and-commit': {
    expected: 'disagreeing with respect and then committing: pushing back, challenging, committing to the decision',
    patterns: [
      /\b(?:disagre\w*|push(?:ed)? back|pushback|challeng\w*|objected|object\w*|argu\w*|conflict\w*|convinc\w*|persua\w*|dissent\w*|concerns?|raised|opposed|not agree|didn'?t agree|did not agree|commit(?:ted)?|went along|backed|decision|overrul\w*|escalat\w*|debat\w*|case for|case against|stood|stand|propos\w*|alternativ\w*|counter\w*|instead|showed|pushed|compromis\w*|agreed|approved|accepted|decid\w*|case|data|evidence|risk\w*|respectful\w*|wrong|mistake)\b/i,
    ],
  },
  'deliver-results': {
    expected: 'delivering the outcome despite setbacks: a deadline met, obstacles overcome, results',
    patterns: [
      /\b(?:deliver\w*|deadline\w*|on time|launch\w*|shipp?\w*|released?|complet\w*|finish\w*|met|hit|goal\w*|target\w*|result\w*|outcome\w*|setback\w*|obstacle\w*|blocker\w*|despite|behind schedule|date|milestone\w*|scope|prioriti\w*|achiev\w*|reached)\b/i,
    ],
  },
  'strive-to-be-earths-best-employer': {
    expected: 'the people around you: safety, wellbeing, inclusion, growth, a better place to work',
    patterns: [
      /\b(?:team ?mates?|colleagues?|people|employees?|engineers?|wellbeing|well-being|burn(?:ed|t)?[- ]?out|morale|on[- ]call|pager|hours|workload|inclusi\w*|divers\w*|safe\w*|psychological\w*|welcom\w*|onboard\w*|grow\w*|career|mentor\w*|coach\w*|support\w*|empath\w*|care\w*|fair\w*|recogni\w*|rotation|balance|environment|culture|team)\b/i,
    ],
  },
  'success-and-scale-bring-broad-responsibility': {
    expected: 'wider effects: on communities, the environment, privacy, accessibility, second-order consequences',
    patterns: [
      /\b(?:communit\w*|environment\w*|carbon|energy|emissions?|sustainab\w*|waste|privacy|private|personal data|consent|accessib\w*|a11y|screen readers?|disabilit\w*|society|social|public|ethic\w*|harm\w*|safety|fairness|bias|responsib\w*|regulat\w*|complian\w*|legal|gdpr|downstream|second[- ]order|unintended|impact on|wider|broad\w*|everyone|vulnerable|minor|children|voiceover|talkback|font[- ]size|large font|screen ?readers?|contrast|many users|\d[\d,]* (?:users|people|customers|merchants|sellers|drivers|apps)|millions?|thousands|partner apps|users? with|small (?:sellers|businesses)|outside (?:my|our) (?:team|scope)|beyond (?:my|our))\b/i,
    ],
  },
};

/** The patterns of every principle's cues, for the literal prefilter. */
export const PRINCIPLE_PATTERNS: readonly RegExp[] = Object.values(PRINCIPLE_SIGNALS).flatMap((s) => s.patterns);

/**
 * Whether the text shows at least one of the principle's cues (an unknown principle: yes).
 * `possible` (a prefilter's scan of the text) skips cues that cannot match.
 */
export function showsPrinciple(lp: string, text: string, possible: PossibleMatches = ANY_MATCHES): boolean {
  if (!Object.hasOwn(PRINCIPLE_SIGNALS, lp)) return true;
  return PRINCIPLE_SIGNALS[lp as LpId].patterns.some((p) => possible.mayMatch(p) && p.test(text));
}
