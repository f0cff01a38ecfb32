// The story bank in Slack: the Save button on feedback, the `/star stories` list, the coverage grid
// on App Home, the reframe question, and the replies to the story commands.
import type { KnownBlock } from '@slack/types';
import type { MessageContent } from '../core/domain.js';
import { LEADERSHIP_PRINCIPLES, type Level, type LpId, lpName } from '../core/lp.js';
import type { Scenario } from '../core/scenario.js';
import { bestVersion, type CoverageCell, type Story } from '../core/stories.js';
import {
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  type MessageBody,
  message,
  section,
  truncateAtWord,
} from './blocks.js';
import { STORY_ACTION_IDS } from './ids.js';
import { questionMessage, VERDICT_EMOJI, VERDICT_LABEL } from './practice.js';

/** The button that saves an answer to the person's stories. */
export function saveStoryBlock(answerId: number): KnownBlock {
  return {
    type: 'actions',
    elements: [button(':bookmark: Save to my stories', STORY_ACTION_IDS.save, String(answerId))],
  };
}

/** Feedback with the Save button at its end (before a trailing hint, if there is one). */
export function withSaveStory(content: MessageContent, answerId: number): MessageBody {
  const blocks = [...(content.blocks as KnownBlock[])];
  const actions = blocks.findIndex((b) => b.type === 'actions');
  if (actions >= 0) {
    // One actions block: the Save button joins the buttons already there.
    const existing = blocks[actions] as { type: 'actions'; elements: unknown[] };
    blocks[actions] = {
      ...existing,
      elements: [...existing.elements, ...(saveStoryBlock(answerId) as { elements: unknown[] }).elements],
    } as KnownBlock;
  } else blocks.push(saveStoryBlock(answerId));
  return message(content.text, blocks);
}

const lpList = (lps: readonly LpId[]) => (lps.length > 0 ? lps.map(lpName).join(', ') : 'no LP yet');

/** What the Save button answers: a new story, a new version of one, or one saved already. */
export function storySavedText(story: Story, outcome: 'saved' | 'version-added' | 'already'): string {
  const best = bestVersion(story);
  const score = best ? ` Best version ${best.overall}/100.` : '';
  if (outcome === 'version-added')
    return `:bookmark: Added as version ${story.versions.length} of story ${story.id}, “${escapeMrkdwn(story.title)}”, now for ${lpList(story.lps)}. Scores over time: ${story.versions.map((v) => v.overall).join(' → ')}.${score}`;
  return outcome === 'saved'
    ? `:bookmark: Saved as story ${story.id}, “${escapeMrkdwn(story.title)}”, for ${lpList(story.lps)}.${score} \`/star stories\` lists your stories; \`/star stories lps ${story.id} id,id\` changes its LPs.`
    : `:bookmark: That answer is already in story ${story.id}, “${escapeMrkdwn(story.title)}”.${score}`;
}

function reframeMenu(story: Story): KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'static_select',
        action_id: STORY_ACTION_IDS.reframe,
        placeholder: { type: 'plain_text', text: 'Reframe for another LP…' },
        options: LEADERSHIP_PRINCIPLES.filter((lp) => lp.id !== bestVersion(story)?.lp).map((lp) => ({
          text: { type: 'plain_text', text: truncateAtWord(lp.name, 75) },
          value: `${story.id}:${lp.id}`,
        })),
      },
      {
        ...button('Delete', STORY_ACTION_IDS.remove, String(story.id), 'danger'),
        confirm: {
          title: { type: 'plain_text', text: 'Delete this story?' },
          text: { type: 'plain_text', text: truncateAtWord(`“${story.title}” and all its versions go.`, 300) },
          confirm: { type: 'plain_text', text: 'Delete' },
          deny: { type: 'plain_text', text: 'Keep it' },
        },
      },
    ],
  } as KnownBlock;
}

/** Stories shown in one list message (each takes three blocks). */
const MAX_LISTED = 14;

/** `/star stories`: each story with its best score, scores over time, LPs, and its reframe menu. */
export function storiesListMessage(stories: readonly Story[]): MessageBody {
  if (stories.length === 0)
    return message('No stories yet.', [
      section(
        ':bookmark: No stories yet. Press *Save to my stories* under any feedback to keep an answer as a story you can retell for several LPs.',
      ),
    ]);
  const blocks: KnownBlock[] = [header(`Your stories (${stories.length})`)];
  for (const story of stories.slice(0, MAX_LISTED)) {
    const best = bestVersion(story);
    const scores = story.versions.map((v) => v.overall).join(' → ');
    blocks.push(
      section(
        `*${story.id}. ${escapeMrkdwn(story.title)}*\n${best ? `${VERDICT_EMOJI[best.verdict]} best ${best.overall}/100 (${VERDICT_LABEL[best.verdict]}) · ` : ''}scores ${scores}\nServes: ${lpList(story.lps)}`,
      ),
      reframeMenu(story),
    );
  }
  if (stories.length > MAX_LISTED)
    blocks.push(context(`…and ${stories.length - MAX_LISTED} more in \`/star stories export\`.`));
  blocks.push(
    context(
      '`/star stories rename ID New title` · `/star stories lps ID ownership,dive-deep` · `/star stories delete ID` · `/star stories export`',
    ),
  );
  return message(`You have ${stories.length} stories.`, blocks);
}

const BAND_MARK: Record<CoverageCell['band'], string> = {
  none: ':white_circle:',
  one: ':large_blue_circle:',
  'two-plus': ':large_green_circle:',
};

/** The coverage grid: the sixteen LPs against the person's stories, and the LP to prepare next. */
export function storyCoverageBlocks(grid: readonly CoverageCell[], next: LpId | undefined): KnownBlock[] {
  const cells = grid.map((c) => ({
    type: 'mrkdwn' as const,
    text: `${BAND_MARK[c.band]} *${lpName(c.lp)}*\n${c.band === 'none' ? 'no story' : `${c.stories === 1 ? 'one story' : `${c.stories} stories`} · ${c.bestVerdict ? VERDICT_LABEL[c.bestVerdict] : ''}`}`,
  }));
  const blocks: KnownBlock[] = [divider(), section('*Your story bank: which LPs your stories cover*')];
  for (let i = 0; i < cells.length; i += 10) blocks.push({ type: 'section', fields: cells.slice(i, i + 10) });
  const covered = grid.filter((c) => c.band !== 'none').length;
  blocks.push(
    context(
      `${covered} of ${grid.length} LPs covered. :white_circle: none · :large_blue_circle: one story · :large_green_circle: two or more${next ? ` · *Prepare next:* ${lpName(next)}` : ''}`,
    ),
  );
  return blocks;
}

/** The question of a reframe session: the saved story, the target LP's lens, then the LP's question. */
export function reframeQuestionMessage(
  story: Story,
  lp: LpId,
  lens: { leadWith: string; emphasise: string; downplay: string; scenarioTitle: string } | undefined,
  scenario: Scenario,
  level: Level,
  sessionId: number,
): MessageBody {
  const best = bestVersion(story);
  const question = questionMessage(scenario, level, sessionId);
  const lensText = lens
    ? `*How a story is turned towards ${lpName(lp)}* (from “${escapeMrkdwn(lens.scenarioTitle)}” in the library):\n• *Lead with* ${escapeMrkdwn(lens.leadWith)}\n• *Emphasise* ${escapeMrkdwn(lens.emphasise)}\n• *Downplay* ${escapeMrkdwn(lens.downplay)}`
    : `*${lpName(lp)}*: lead with what this principle asks for, keep the rest short.`;
  return message(`Reframe “${story.title}” for ${lpName(lp)}: ${scenario.question}`, [
    section(`:recycle: *Reframe your story “${escapeMrkdwn(story.title)}” for ${lpName(lp)}*`),
    section(lensText),
    ...(best
      ? [context(`Your best version so far (${best.overall}/100): ${escapeMrkdwn(truncateAtWord(best.text, 280))}`)]
      : []),
    ...question.blocks,
  ]);
}
