// Audio and video clips posted as answers, as Slack describes them in files.info, and how long to
// wait for a transcript that is still being made. Pure: `now` and the file come in as arguments.

/** A pending clip waits for its transcript; then it is scored (done) or given up on. */
export const CLIP_STATUSES = ['pending', 'done', 'gave-up'] as const;
export type ClipStatus = (typeof CLIP_STATUSES)[number];

/** The fields of a Slack file (files.info, or the `files` of a file_share message) a clip needs. */
export interface ClipFile {
  id: string;
  subtype?: string;
  mimetype?: string;
  /** Slack's `duration_ms`. */
  durationMs?: number;
  /** Slack's `transcription.status` ("complete", "processing", "failed", "none"…), when it sent one. */
  transcriptStatus?: string;
  /** Slack's `transcription.preview.content`: the first words. */
  preview?: string;
  /** Slack's `vtt`: where the WebVTT transcript is downloaded (with the bot token). */
  vtt?: string;
}

/** Whether a shared file is a recorded clip (Slack's audio or video clip, or any audio or video). */
export function isClip(file: Pick<ClipFile, 'subtype' | 'mimetype'>): boolean {
  return (
    file.subtype === 'slack_audio' || file.subtype === 'slack_video' || /^(?:audio|video)\//.test(file.mimetype ?? '')
  );
}

/** What to do with a clip's transcript as files.info describes it now. */
export type TranscriptState = 'ready' | 'processing' | 'none';

// Slack's docs and the generated types give the status as a free string; these are the values
// seen for a finished and an unfinished transcript. Anything else (failed, none, disabled, no
// transcription object at all) means there will be no transcript to score.
const READY = new Set(['complete', 'completed', 'success', 'done']);
const PROCESSING = new Set(['processing', 'pending', 'in_progress', 'queued']);

/** Decides from files.info whether the transcript can be read now, later, or never. */
export function transcriptState(file: ClipFile): TranscriptState {
  const status = file.transcriptStatus?.toLowerCase();
  if (status && READY.has(status)) return file.vtt ? 'ready' : 'none';
  if (status && PROCESSING.has(status)) return 'processing';
  return 'none';
}

/** The first check of a pending clip comes this soon; each later one waits twice as long. */
export const FIRST_CHECK_MS = 20_000;
/** Never wait longer than this between two checks. */
export const MAX_CHECK_GAP_MS = 4 * 60_000;
/** Slack usually transcribes a clip within a minute or two; past this we stop waiting. */
export const MAX_TRANSCRIPT_WAIT_MS = 20 * 60_000;
/** A claimed clip whose check has not ended by then was left by a process that stopped. */
export const CLIP_LEASE_MS = 2 * 60_000;

/**
 * When a clip still being transcribed is checked next (after `checks` checks so far), or undefined
 * when it has waited long enough: backs off from FIRST_CHECK_MS, doubling up to MAX_CHECK_GAP_MS,
 * for at most MAX_TRANSCRIPT_WAIT_MS after the clip arrived.
 */
export function nextClipCheck(createdAt: Date, checks: number, now: Date): Date | undefined {
  const gap = Math.min(MAX_CHECK_GAP_MS, FIRST_CHECK_MS * 2 ** Math.max(0, checks));
  const next = now.getTime() + gap;
  const deadline = createdAt.getTime() + MAX_TRANSCRIPT_WAIT_MS;
  if (now.getTime() >= deadline) return undefined;
  return new Date(Math.min(next, deadline));
}
