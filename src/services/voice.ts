// Spoken answers: an audio or video clip posted in a practice thread or a daily prompt's thread is
// scored from the transcript Slack makes of it. files.info says whether the transcript is ready;
// when it is still being made the clip is stored and the minute tick asks again (claimed in the
// database, backing off, for a bounded time: no event tells us when a transcript is done). A clip
// that will never have one gets a message saying the answer can be typed instead.
import type { Clock } from '../clock.js';
import {
  CLIP_LEASE_MS,
  type ClipFile,
  FIRST_CHECK_MS,
  nextClipCheck,
  type TranscriptState,
  transcriptState,
} from '../core/clips.js';
import { parseVtt } from '../core/vtt.js';
import type { PendingClip, Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { notice } from '../messages/practice.js';
import { clipGaveUpText, clipNoTranscriptText, clipPendingText } from '../messages/spoken.js';
import type { AnswerService } from './answers.js';
import type { Outbox } from './outbox.js';
import { type SlackGatewayFor, SlackRefusedError } from './slack-port.js';

/** A transcript larger than this is not a spoken interview answer (an hour of speech is ~100 KB). */
export const MAX_TRANSCRIPT_BYTES = 512 * 1024;
/** Pending clips checked in one tick; the rest wait for the next. */
const CLIPS_PER_TICK = 25;

/** A message with a clip, as the listener hands it over. */
export interface ClipMessage {
  teamId: string;
  channelId: string;
  userId: string;
  ts: string;
  threadTs?: string;
  inDm: boolean;
  fileId: string;
}

export interface VoiceDeps {
  repos: Pick<Repositories, 'clips' | 'sessions' | 'prompts' | 'replies'>;
  answers: AnswerService;
  outbox: Outbox;
  slackFor: SlackGatewayFor;
  clock: Clock;
  logger: Logger;
}

type ClipRef = Pick<PendingClip, 'teamId' | 'channelId' | 'userId' | 'messageTs' | 'threadTs' | 'inDm' | 'fileId'>;

/** What became of a clip at one look: scored, waiting for its transcript, or settled without a score. */
export type ClipOutcome = 'scored' | 'waiting' | 'no-transcript' | 'gave-up' | 'ignored';

export class VoiceService {
  constructor(private readonly deps: VoiceDeps) {}

  /** A clip posted in a thread: scored now when its transcript is ready, else remembered or explained. */
  async receiveClip(msg: ClipMessage): Promise<ClipOutcome> {
    if (!msg.threadTs || msg.threadTs === msg.ts) {
      if (msg.inDm)
        await this.say(
          { ...msg, messageTs: msg.ts, threadTs: msg.ts },
          'To practise out loud, type `/star practice`, then post your clip in the thread of the question I send.',
          false,
        );
      return 'ignored';
    }
    const clip: ClipRef = { ...msg, messageTs: msg.ts, threadTs: msg.threadTs };
    if (!(await this.isAnswerThread(clip))) return 'ignored';
    const now = this.deps.clock.now();
    let file: ClipFile;
    try {
      file = await this.deps.slackFor(msg.teamId).fileInfo(msg.fileId);
    } catch (err) {
      if (err instanceof SlackRefusedError) return this.refused(clip, err);
      // Slack is busy or down: the tick asks again.
      this.deps.logger.warn(`files.info for clip ${msg.fileId} failed; will check again`, err);
      await this.deps.repos.clips.addPending(clip, new Date(now.getTime() + FIRST_CHECK_MS), now);
      return 'waiting';
    }
    const state = transcriptState(file);
    if (state === 'processing') {
      const added = await this.deps.repos.clips.addPending(clip, new Date(now.getTime() + FIRST_CHECK_MS), now);
      if (added) await this.say(clip, clipPendingText());
      return 'waiting';
    }
    try {
      return await this.settle(clip, file, state);
    } catch (err) {
      if (err instanceof SlackRefusedError) return this.refused(clip, err, file.preview);
      // The transcript could not be fetched this time: the tick tries again.
      this.deps.logger.warn(`reading the transcript of clip ${msg.fileId} failed; will check again`, err);
      await this.deps.repos.clips.addPending(clip, new Date(now.getTime() + FIRST_CHECK_MS), now);
      return 'waiting';
    }
  }

  /**
   * The minute tick: claims the pending clips due now and asks files.info again; a ready transcript
   * is scored, a clip still processing is checked later (backing off), and one that waited too long
   * or has no transcript is given up with a message.
   */
  async checkPending(now: Date): Promise<ClipOutcome[]> {
    const { clips } = this.deps.repos;
    const claimed = await clips.claimDue(now, CLIP_LEASE_MS, CLIPS_PER_TICK);
    const outcomes: ClipOutcome[] = [];
    for (const clip of claimed) {
      let outcome: ClipOutcome;
      try {
        outcome = await this.check(clip, now);
      } catch (err) {
        // The clip stays claimed until its lease ends, then a later tick tries it again.
        this.deps.logger.error(`checking clip ${clip.fileId} failed`, err);
        continue;
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private async check(clip: PendingClip, now: Date): Promise<ClipOutcome> {
    const { clips } = this.deps.repos;
    const later = async (): Promise<ClipOutcome> => {
      const next = nextClipCheck(new Date(clip.createdAt), clip.checks, now);
      if (next) {
        await clips.reschedule(clip.teamId, clip.id, next, now);
        return 'waiting';
      }
      await this.say(clip, clipGaveUpText());
      await clips.finish(clip.teamId, clip.id, 'gave-up', now);
      return 'gave-up';
    };
    let file: ClipFile;
    try {
      file = await this.deps.slackFor(clip.teamId).fileInfo(clip.fileId);
    } catch (err) {
      if (err instanceof SlackRefusedError) {
        const outcome = await this.refused(clip, err);
        await clips.finish(clip.teamId, clip.id, 'gave-up', now);
        return outcome;
      }
      return later();
    }
    const state = transcriptState(file);
    if (state === 'processing') return later();
    let outcome: ClipOutcome;
    try {
      outcome = await this.settle(clip, file, state);
    } catch (err) {
      if (err instanceof SlackRefusedError) outcome = await this.refused(clip, err, file.preview);
      else return later();
    }
    await clips.finish(clip.teamId, clip.id, outcome === 'scored' ? 'done' : 'gave-up', now);
    return outcome;
  }

  /** A clip whose transcript is ready (scored) or will never be (explained). */
  private async settle(clip: ClipRef, file: ClipFile, state: Exclude<TranscriptState, 'processing'>) {
    if (state === 'none' || !file.vtt) {
      await this.say(clip, clipNoTranscriptText());
      return 'no-transcript' as const;
    }
    // Slack gives the transcript's URL; a value that is itself a transcript is taken as it is.
    const vtt = /^\uFEFF?WEBVTT/.test(file.vtt)
      ? file.vtt
      : await this.deps.slackFor(clip.teamId).downloadText(file.vtt, MAX_TRANSCRIPT_BYTES);
    const cues = parseVtt(vtt);
    if (cues.length === 0) {
      await this.say(clip, clipNoTranscriptText());
      return 'no-transcript' as const;
    }
    const msg = {
      teamId: clip.teamId,
      channelId: clip.channelId,
      userId: clip.userId,
      ts: clip.messageTs,
      threadTs: clip.threadTs,
      text: cues.map((c) => c.text).join('\n'),
      spoken: {
        cues,
        clipSeconds: file.durationMs === undefined ? undefined : file.durationMs / 1000,
        fileId: clip.fileId,
      },
    };
    if (clip.inDm) await this.deps.answers.receiveDm(msg);
    else await this.deps.answers.receiveInChannel(msg);
    return 'scored' as const;
  }

  private async refused(clip: ClipRef, err: SlackRefusedError, preview?: string): Promise<ClipOutcome> {
    this.deps.logger.warn(`clip ${clip.fileId} cannot be read: ${err.slackError}`);
    await this.say(clip, clipGaveUpText(preview));
    return 'gave-up';
  }

  private async isAnswerThread(clip: ClipRef): Promise<boolean> {
    const { repos } = this.deps;
    if (clip.inDm) {
      const session = await repos.sessions.findByThread(clip.teamId, clip.channelId, clip.threadTs, clip.userId);
      return session !== undefined && session.state !== 'done';
    }
    return (await repos.prompts.findByThread(clip.teamId, clip.channelId, clip.threadTs)) !== undefined;
  }

  /** A note in the clip's thread: in a DM for everyone there, in a channel only for its author. */
  private async say(clip: ClipRef, text: string, inThread = true): Promise<void> {
    const reply = await this.deps.repos.replies.enqueue(
      {
        teamId: clip.teamId,
        channelId: clip.channelId,
        threadTs: inThread ? clip.threadTs : null,
        purpose: 'notice',
        ...(clip.inDm ? {} : { delivery: 'ephemeral' as const, target: clip.userId }),
      },
      notice(text),
      this.deps.clock.now(),
    );
    this.deps.outbox.dispatch([reply.id]);
  }
}
