// At start-up: answers posted in recent prompt threads while the bot was down are read once and
// scored as if they had just arrived.
import { isClip } from '../core/clips.js';
import type { Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import type { AnswerService } from './answers.js';
import { type SlackGatewayFor, SlackRateLimitedError, type ThreadReply } from './slack-port.js';
import type { VoiceService } from './voice.js';

/** Subtypes of a person's message that the message listener takes as an answer too (a reply with a file). */
const ANSWER_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

/** Threads of prompts younger than this are read again at start-up. */
export const CATCH_UP_THREADS_MS = 24 * 60 * 60 * 1000;

export class ThreadCatchUp {
  constructor(
    private readonly repos: Pick<Repositories, 'prompts' | 'answers' | 'privacy' | 'sessions'>,
    private readonly answers: AnswerService,
    private readonly slackFor: SlackGatewayFor,
    private readonly logger: Logger,
    /** Clips posted meanwhile are spoken answers. */
    private readonly voice?: Pick<VoiceService, 'receiveClip'>,
  ) {}

  /** Reads the threads of prompts since a day before `now`; already stored messages are skipped, so running it twice changes nothing. */
  async run(now: Date, signal?: AbortSignal): Promise<number> {
    const { repos } = this;
    let handled = 0;
    // Workspaces whose thread reads Slack rate-limited: with the strict limits of an app installed
    // from outside the Marketplace, Retry-After can be a minute. Start-up does not wait for it; the
    // rest of that workspace's threads are skipped in this run (one log line), the others go on.
    const limited = new Map<string, { retryAfterSeconds: number; skipped: number }>();
    for (const prompt of await repos.prompts.postedSince(new Date(now.getTime() - CATCH_UP_THREADS_MS))) {
      if (signal?.aborted) break;
      const threadTs = prompt.messageTs ?? '';
      const held = limited.get(prompt.teamId);
      if (held) {
        held.skipped++;
        continue;
      }
      let replies: ThreadReply[];
      try {
        replies = await this.slackFor(prompt.teamId).threadReplies(prompt.channelId, threadTs);
      } catch (err) {
        if (err instanceof SlackRateLimitedError)
          limited.set(prompt.teamId, { retryAfterSeconds: err.retryAfterSeconds, skipped: 1 });
        else this.logger.warn(`could not read the thread of prompt ${prompt.id}`, err);
        continue;
      }
      for (const reply of replies) {
        if (signal?.aborted) break;
        if (!reply.user || reply.botId || (reply.subtype && !ANSWER_SUBTYPES.has(reply.subtype))) continue;
        if (await repos.answers.findMessage(prompt.teamId, prompt.channelId, reply.ts)) continue;
        // Someone who asked to be forgotten is not re-imported from the messages still in Slack.
        if (await repos.privacy.forgottenSince(prompt.teamId, reply.user, reply.ts)) continue;
        // After both answers a person's further replies only got a notice; do not repeat it.
        const session = await repos.sessions.findByThread(prompt.teamId, prompt.channelId, threadTs, reply.user);
        if (session?.state === 'done') continue;
        const clip = reply.files?.find(isClip);
        if (clip && this.voice) {
          await this.voice.receiveClip({
            teamId: prompt.teamId,
            channelId: prompt.channelId,
            userId: reply.user,
            ts: reply.ts,
            threadTs,
            inDm: false,
            fileId: clip.id,
          });
          handled++;
          continue;
        }
        await this.answers.receiveInChannel({
          teamId: prompt.teamId,
          channelId: prompt.channelId,
          userId: reply.user,
          ts: reply.ts,
          threadTs,
          text: reply.text,
        });
        handled++;
      }
    }
    for (const [teamId, held] of limited)
      this.logger.warn(
        `start-up catch-up: Slack rate-limited thread reads in ${teamId} (Retry-After ${held.retryAfterSeconds} s); skipped ${held.skipped} prompt thread(s) there`,
      );
    return handled;
  }
}
