import { isLpId, type LpId } from '../../core/lp.js';
import { ephemeral, say } from '../../messages/blocks.js';
import { storiesListMessage } from '../../messages/stories.js';
import { afterAck, type Subcommand } from './command.js';

const USAGE =
  'Use `/star stories` (list), `/star stories rename ID New title`, `/star stories lps ID ownership,dive-deep`, `/star stories delete ID`, `/star stories reframe ID LP` or `/star stories export`.';

function storyId(word: string | undefined): number | undefined {
  const id = Number(word);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** `/star stories …`: the person's story bank (private: every reply is ephemeral). */
export const storiesCommand: Subcommand = async (services, input) => {
  const { teamId, userId, words } = input;
  const [verb = 'list', ...rest] = words;
  const { stories } = services;
  switch (verb.toLowerCase()) {
    case 'list':
      return afterAck(input, 'stories', async () => ephemeral(storiesListMessage(await stories.list(teamId, userId))));
    case 'rename': {
      const id = storyId(rest[0]);
      const title = rest.slice(1).join(' ');
      if (!id || !title.trim()) return void (await input.ack(say(USAGE)));
      return afterAck(input, 'stories rename', async () =>
        say(
          (await stories.rename(teamId, userId, id, title))
            ? `:pencil2: Story ${id} renamed.`
            : `You have no story ${id}.`,
        ),
      );
    }
    case 'lps': {
      const id = storyId(rest[0]);
      const lps = (rest[1] ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const bad = lps.filter((lp) => !isLpId(lp));
      if (!id || lps.length === 0 || bad.length > 0)
        return void (await input.ack(say(bad.length > 0 ? `Not an LP id: ${bad.join(', ')}. ${USAGE}` : USAGE)));
      return afterAck(input, 'stories lps', async () =>
        say(
          (await stories.setLps(teamId, userId, id, lps as LpId[]))
            ? `:label: Story ${id} now serves ${lps.length} LP${lps.length === 1 ? '' : 's'}.`
            : `You have no story ${id}.`,
        ),
      );
    }
    case 'delete': {
      const id = storyId(rest[0]);
      if (!id) return void (await input.ack(say(USAGE)));
      return afterAck(input, 'stories delete', async () =>
        say(
          (await stories.delete(teamId, userId, id))
            ? `:wastebasket: Story ${id} deleted.`
            : `You have no story ${id}.`,
        ),
      );
    }
    case 'reframe': {
      const id = storyId(rest[0]);
      const lp = (rest[1] ?? '').toLowerCase();
      if (!id || !isLpId(lp)) return void (await input.ack(say(USAGE)));
      return afterAck(input, 'stories reframe', async () =>
        say(
          (await stories.reframe(teamId, userId, id, lp)) === 'started'
            ? ':recycle: I sent you the reframed question in a DM.'
            : `You have no story ${id}.`,
        ),
      );
    }
    case 'export':
      return afterAck(input, 'stories export', async () => {
        const count = await stories.exportToDm(teamId, userId);
        return say(`:page_facing_up: I sent you your ${count} stories as a Markdown prep document in a DM.`);
      });
    default:
      await input.ack(say(USAGE));
  }
};
