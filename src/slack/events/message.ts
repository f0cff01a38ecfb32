import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../services.js';

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
 * Messages in DMs with the bot: new thread replies are answers, edits re-score, deletes retract.
 * Other bots' messages are ignored (Bolt already drops our own).
 */
export function dmMessageListener(services: Services) {
  return async ({ event, context }: MessageArgs): Promise<void> => {
    const m = event as unknown as LooseMessage;
    if (m.channel_type !== 'im') return;
    const teamId = context.teamId ?? '';
    switch (m.subtype) {
      case undefined:
      case 'file_share':
      case 'thread_broadcast':
        if (m.bot_id || !m.user) return;
        await services.practice.handleMessage({
          teamId,
          channelId: m.channel,
          userId: m.user,
          ts: m.ts,
          threadTs: m.thread_ts,
          text: m.text ?? '',
        });
        return;
      case 'message_changed':
        if (!m.message || m.message.bot_id || !m.message.user) return;
        await services.practice.handleEdit(teamId, m.channel, m.message.ts, m.message.text ?? '');
        return;
      case 'message_deleted':
        if (m.deleted_ts) await services.practice.handleDelete(teamId, m.channel, m.deleted_ts);
        return;
      default:
        return; // bot_message, channel_join and the rest are not answers
    }
  };
}
