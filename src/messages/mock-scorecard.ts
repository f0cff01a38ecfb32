// The interviewer's scorecard modal, the scorecard as the candidate receives it, the modal where the
// candidate pastes their answer, and the rubric's view of it set beside the interviewer's.
import type { KnownBlock, View } from '@slack/types';
import { FLAG_WORDS, flagLabel } from '../core/flag-words.js';
import { LEVEL_NAMES, lpName } from '../core/lp.js';
import { type Agreement, compareWithRubric, MAX_NOTE_CHARS, RATING_ANCHORS, RATINGS } from '../core/mock-scorecard.js';
import type { Mock, MockAnswer, MockScorecard } from '../core/mocks.js';
import { DIMENSIONS, type FlagId, VERDICTS, type Verdict } from '../core/rubric/index.js';
import { button, context, escapeMrkdwn, header, type MessageBody, message, section, truncateAtWord } from './blocks.js';
import { ACTION_IDS, INPUT_ACTION, SCORECARD_BLOCKS, STORY_ACTION_IDS, VIEW_IDS } from './ids.js';
import { MODE_RULES, person } from './mocks.js';
import { VERDICT_EMOJI, VERDICT_LABEL } from './practice.js';

/** The longest answer the paste modal takes (Slack's limit for a text input). */
export const MAX_PASTED_ANSWER = 3000;
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
const title = (d: string) => `${d[0].toUpperCase()}${d.slice(1)}`;

function flagOptions(heard: 'what' | 'how') {
  return (Object.entries(FLAG_WORDS) as [FlagId, (typeof FLAG_WORDS)[FlagId]][])
    .filter(([, w]) => w.heard === heard)
    .map(([id, w]) => ({ text: plain(w.label), description: plain(w.listenFor), value: id }));
}

/** The modal the interviewer fills in after the mock. */
export function scorecardView(mock: Mock): View {
  const ratings: KnownBlock[] = DIMENSIONS.map((d) => ({
    type: 'input',
    block_id: SCORECARD_BLOCKS.rating(d),
    label: plain(title(d)),
    element: {
      type: 'radio_buttons',
      action_id: INPUT_ACTION,
      options: RATINGS.map((r) => ({ text: plain(`${r} · ${RATING_ANCHORS[d][r]}`), value: String(r) })),
    },
  }));
  const checkboxes = (blockId: string, label: string, heard: 'what' | 'how'): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: { type: 'checkboxes', action_id: INPUT_ACTION, options: flagOptions(heard) },
  });
  const note = (blockId: string, label: string, hint: string): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      multiline: true,
      max_length: MAX_NOTE_CHARS,
      placeholder: plain(hint),
    },
  });
  return {
    type: 'modal',
    callback_id: VIEW_IDS.mockScorecard,
    private_metadata: String(mock.id),
    title: plain('Mock scorecard'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      section(
        `Your scorecard for ${person(mock.candidateId)} (${LEVEL_NAMES[mock.level]}, ${lpName(mock.lp)}). It goes to them by DM and to both your App Homes; nobody else sees it.`,
      ),
      ...ratings,
      checkboxes(SCORECARD_BLOCKS.flagsContent, 'Red flags you heard in what they said', 'what'),
      checkboxes(SCORECARD_BLOCKS.flagsDelivery, 'Red flags you heard in how they told it', 'how'),
      {
        type: 'input',
        block_id: SCORECARD_BLOCKS.verdict,
        label: plain(`Your recommendation at ${LEVEL_NAMES[mock.level]}`),
        element: {
          type: 'radio_buttons',
          action_id: INPUT_ACTION,
          options: VERDICTS.map((v) => ({ text: plain(VERDICT_LABEL[v]), value: v })),
        },
      },
      note(SCORECARD_BLOCKS.wentWell, 'What went well', 'The moment the answer worked, in their words if you can.'),
      note(SCORECARD_BLOCKS.toImprove, 'What to improve', 'The one change that would move the answer up a level.'),
    ],
  };
}

const dots = (n: number) => `${'●'.repeat(n)}${'○'.repeat(4 - n)}`;
const quoteBlock = (text: string) =>
  escapeMrkdwn(truncateAtWord(text.trim(), 1200))
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');

function verdictText(v: Verdict): string {
  return `${VERDICT_EMOJI[v]} ${VERDICT_LABEL[v]}`;
}

const AGREEMENT: Record<Agreement, string> = {
  agree: 'agree',
  close: 'close (one step apart)',
  differ: 'differ',
};

/** Where the interviewer and the rubric agree and differ. */
function comparisonBlocks(card: MockScorecard, answer: MockAnswer): KnownBlock[] {
  const c = compareWithRubric(card, answer);
  const dims = c.dimensions.map(
    (d) => `• ${title(d.dimension)}: interviewer ${d.interviewer}, rubric ${d.rubric}: ${AGREEMENT[d.agreement]}`,
  );
  const list = (ids: string[]) => (ids.length > 0 ? ids.map(flagLabel).join(', ') : 'none');
  return [
    section(
      `*The interviewer and the rubric, side by side* (the rubric’s 0–100 read on the 1–4 scale)\n${dims.join('\n')}\n• Recommendation: interviewer ${VERDICT_LABEL[c.verdict.interviewer]}, rubric ${VERDICT_LABEL[c.verdict.rubric]}: ${AGREEMENT[c.verdict.agreement]}`,
    ),
    section(
      `*Red flags both heard:* ${list(c.flags.both)}\n*Only the interviewer:* ${list(c.flags.interviewerOnly)}\n*Only the rubric:* ${list(c.flags.rubricOnly)}`,
    ),
    context(
      'Where they differ, trust what was heard over what was typed: the rubric reads your words, the interviewer also heard how you said them.',
    ),
  ];
}

/** Save to my stories, for the mock's pasted answer. */
function saveMockStoryBlock(mock: Mock): KnownBlock {
  return {
    type: 'actions',
    elements: [button(':bookmark: Save to my stories', STORY_ACTION_IDS.saveMock, String(mock.id))],
  };
}

/** The scorecard in the candidate's DM (with the comparison once they pasted their answer). */
export function scorecardMessage(mock: Mock, card: MockScorecard, answer: MockAnswer | undefined): MessageBody {
  const ratings = DIMENSIONS.map(
    (d) =>
      `\`${d.padEnd(10)}\` ${dots(card.ratings[d])} ${card.ratings[d]}/4 · ${RATING_ANCHORS[d][card.ratings[d] as 1]}`,
  );
  const blocks: KnownBlock[] = [
    header('Your mock interview scorecard'),
    section(
      `From ${person(card.interviewerId)} after your ${mock.mode ? MODE_RULES[mock.mode].name.toLowerCase() : 'mock'} (${lpName(mock.lp)}, judged at ${LEVEL_NAMES[mock.level]}).`,
    ),
    section(ratings.join('\n')),
    section(`*Recommendation:* ${verdictText(card.verdict)}`),
    section(`*Red flags heard:* ${card.flags.length > 0 ? card.flags.map(flagLabel).join(', ') : 'none'}`),
  ];
  if (card.wentWell) blocks.push(section(`*What went well*\n${quoteBlock(card.wentWell)}`));
  if (card.toImprove) blocks.push(section(`*What to improve*\n${quoteBlock(card.toImprove)}`));
  if (answer) blocks.push(...comparisonBlocks(card, answer), saveMockStoryBlock(mock));
  else
    blocks.push({
      type: 'actions',
      elements: [button('Paste my answer for the rubric’s view', ACTION_IDS.mockPasteAnswer, String(mock.id))],
    });
  blocks.push(
    context(
      `Only you and ${person(card.interviewerId)} see this, here and in your App Homes. Public views count mocks, never scores.`,
    ),
  );
  return message(`Your mock scorecard from ${person(card.interviewerId)}: ${VERDICT_LABEL[card.verdict]}`, blocks);
}

/** The modal where the candidate pastes what they said. */
export function answerPasteView(mock: Mock): View {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.mockAnswer,
    private_metadata: String(mock.id),
    title: plain('Your mock answer'),
    submit: plain('Score it'),
    close: plain('Cancel'),
    blocks: [
      section(
        'Paste or retype what you said in the mock (as close to your words as you can). The rubric scores it, and once the interviewer’s scorecard is in, you see where the two agree.',
      ),
      {
        type: 'input',
        block_id: 'answer',
        label: plain('Your answer'),
        element: {
          type: 'plain_text_input',
          action_id: INPUT_ACTION,
          multiline: true,
          min_length: 1,
          max_length: MAX_PASTED_ANSWER,
        },
      },
    ],
  };
}

/** The rubric's view of the pasted answer, beside the scorecard when there is one. */
export function mockAnswerMessage(mock: Mock, answer: MockAnswer, card: MockScorecard | undefined): MessageBody {
  const dims = DIMENSIONS.map((d) => `\`${d.padEnd(10)}\` ${answer.dimensions[d] ?? 0}/100`);
  const flags =
    answer.flags.length > 0
      ? answer.flags
          .slice(0, 8)
          .map((f) => `• ${flagLabel(f.id)}${f.quote.trim() ? `: “${escapeMrkdwn(truncateAtWord(f.quote, 90))}”` : ''}`)
          .join('\n')
      : 'No flags.';
  const blocks: KnownBlock[] = [
    header('The rubric’s view of your mock answer'),
    section(
      `*${answer.overall}/100* · ${verdictText(answer.verdict)} at ${LEVEL_NAMES[mock.level]} (${lpName(mock.lp)})\n${dims.join('\n')}`,
    ),
    section(`*Flags in your words*\n${flags}`),
  ];
  if (card) blocks.push(...comparisonBlocks(card, answer));
  else blocks.push(context('When the interviewer sends the scorecard, it comes here with both views side by side.'));
  blocks.push(saveMockStoryBlock(mock));
  return message(`The rubric’s view of your mock answer: ${answer.overall}/100`, blocks);
}
