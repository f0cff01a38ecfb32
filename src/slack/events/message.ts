import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isClip } from '../../core/clips.js';
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
  files?: SharedFile[];
  message?: { user?: string; bot_id?: string; text?: string; ts: string; files?: SharedFile[] };
}

interface SharedFile {
  id?: string;
  subtype?: string;
  mimetype?: string;
}

/**
 * Messages in DMs with the bot (practice sessions) and in channels (replies to daily prompts): new
 * thread replies are answers (a `file_share` with an audio or video clip is a spoken answer), edits
 * re-score, deletes retract. Other bots' messages are ignored
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
        // A recorded clip is a spoken answer, scored from Slack's transcript of it.
        const clip = m.files?.find((f) => f.id && isClip(f));
        if (clip?.id) {
          await services.voice.receiveClip({
            teamId,
            channelId: m.channel,
            userId: m.user,
            ts: m.ts,
            threadTs: m.thread_ts,
            inDm,
            fileId: clip.id,
          });
          return;
        }
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
        // Slack changes a clip's message itself (its transcript, its preview): the answer is the clip.
        if (m.message.files?.some(isClip)) return;
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
