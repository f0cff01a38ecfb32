import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services/index.js';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

// The fields we read from the message event union, which Bolt types per subtype.
interface LooseMessage {
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  deleted_ts?: string;
  message?: { user?: string; bot_id?: string; text?: string; ts: string };
}

/**
 * Messages in DMs with the bot (practice sessions) and in channels (replies to daily prompts): new
 * thread replies are answers, edits re-score, deletes retract. Other bots' messages are ignored
 * (Bolt already drops our own).
 */
export function messageListener(services: Services) {
  return async ({ event, context }: MessageArgs): Promise<void> => {
    const m = event as unknown as LooseMessage;
    const inDm = m.channel_type === 'im';
    if (!inDm && m.channel_type !== 'channel' && m.channel_type !== 'group') return;
    const teamId = context.teamId ?? '';
    switch (m.subtype) {
      case undefined:
      case 'file_share':
      case 'thread_broadcast': {
        if (m.bot_id || !m.user) return;
        const msg = {
          teamId,
          channelId: m.channel,
          userId: m.user,
          ts: m.ts,
          threadTs: m.thread_ts,
          text: m.text ?? '',
        };
        if (inDm) await services.answers.receiveDm(msg);
        else if (!(await services.answers.receiveInChannel(msg))) return;
        // First contact (a DM, or an answer to a daily question): the welcome, once.
        await services.onboarding.welcomeIfNew(teamId, m.user);
        return;
      }
      case 'message_changed':
        if (!m.message || m.message.bot_id || !m.message.user) return;
        await services.answers.edit(teamId, m.channel, m.message.ts, m.message.text ?? '');
        return;
      case 'message_deleted':
        if (m.deleted_ts) await services.answers.remove(teamId, m.channel, m.deleted_ts);
        return;
      default:
        return; // bot_message, channel_join and the rest are not answers
    }
  };
}
