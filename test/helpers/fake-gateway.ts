import type { View } from '@slack/types';
import type { ClipFile } from '../../src/core/clips.js';
import type { MessageContent } from '../../src/core/domain.js';
import type { SlackGateway, ThreadReply } from '../../src/services/slack-port.js';

/** The id the fakes give the group DM of some people: the same people, the same id, as Slack does. */
export function groupDmId(userIds: readonly string[]): string {
  return `G${[...userIds]
    .sort()
    .map((u) => u.slice(1))
    .join('X')}`;
}

export interface GatewayCall {
  method: keyof SlackGateway;
  args: unknown[];
}

/**
 * The Slack gateway port in memory, for service and job tests: records every call, answers like
 * Slack, and throws the next scripted error of a method (the port's own error classes).
 */
export class FakeGateway implements SlackGateway {
  readonly calls: GatewayCall[] = [];
  private readonly failures = new Map<string, Error[]>();
  private ts = 0;
  /** Messages posted with a reply id, as Slack would keep their metadata: `channel/thread` → reply id → ts. */
  readonly posted = new Map<string, Map<number, string>>();
  users = new Map<string, { timezone: string | null; tzOffset?: number | null; isAdmin: boolean; isBot: boolean }>();
  threads = new Map<string, ThreadReply[]>();
  joinable = true;
  /** What files.info says about each file, and the text at each download URL. */
  files = new Map<string, ClipFile>();
  downloads = new Map<string, string>();

  /** Errors thrown by the next posts after Slack kept the message (a timeout after delivery). */
  private readonly lateFailures: Error[] = [];

  failAfterPosting(...errors: Error[]): void {
    this.lateFailures.push(...errors);
  }

  failNext(method: keyof SlackGateway, ...errors: Error[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  callsTo(method: keyof SlackGateway): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private record(method: keyof SlackGateway, args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method)?.shift();
    if (failure) throw failure;
  }

  async openDm(userId: string): Promise<string> {
    this.record('openDm', [userId]);
    return `D${userId.slice(1)}`;
  }
  async openConversation(userIds: readonly string[]): Promise<string> {
    this.record('openConversation', [userIds]);
    return groupDmId(userIds);
  }
  async post(channel: string, threadTs: string | null, body: MessageContent, replyId?: number): Promise<string> {
    this.record('post', [channel, threadTs, body]);
    const ts = `1700000000.${String(++this.ts).padStart(6, '0')}`;
    if (replyId !== undefined) {
      const where = `${channel}/${threadTs ?? ''}`;
      this.posted.set(where, (this.posted.get(where) ?? new Map()).set(replyId, ts));
    }
    const late = this.lateFailures.shift();
    if (late) throw late;
    return ts;
  }
  async findPosted(channel: string, threadTs: string | null, replyId: number): Promise<string | undefined> {
    this.record('findPosted', [channel, threadTs, replyId]);
    return this.posted.get(`${channel}/${threadTs ?? ''}`)?.get(replyId);
  }
  async update(channel: string, ts: string, body: MessageContent): Promise<void> {
    this.record('update', [channel, ts, body]);
  }
  async openView(triggerId: string, view: View): Promise<void> {
    this.record('openView', [triggerId, view]);
  }
  async postEphemeral(channel: string, user: string, threadTs: string | null, body: MessageContent): Promise<void> {
    this.record('postEphemeral', [channel, user, threadTs, body]);
  }
  async addReaction(channel: string, ts: string, name: string): Promise<void> {
    this.record('addReaction', [channel, ts, name]);
  }
  async removeReaction(channel: string, ts: string, name: string): Promise<void> {
    this.record('removeReaction', [channel, ts, name]);
  }
  async joinChannel(channel: string): Promise<boolean> {
    this.record('joinChannel', [channel]);
    return this.joinable;
  }
  async userInfo(user: string) {
    this.record('userInfo', [user]);
    return this.users.get(user) ?? { timezone: 'Europe/Berlin', isAdmin: false, isBot: false };
  }
  async uploadFile(channel: string, filename: string, content: string, comment: string): Promise<void> {
    this.record('uploadFile', [channel, filename, content, comment]);
  }
  async publishHome(userId: string, view: View): Promise<void> {
    this.record('publishHome', [userId, view]);
  }
  async threadReplies(channel: string, ts: string): Promise<ThreadReply[]> {
    this.record('threadReplies', [channel, ts]);
    return this.threads.get(`${channel}/${ts}`) ?? [];
  }
  async fileInfo(fileId: string): Promise<ClipFile> {
    this.record('fileInfo', [fileId]);
    return this.files.get(fileId) ?? { id: fileId };
  }
  async downloadText(url: string, maxBytes: number): Promise<string> {
    this.record('downloadText', [url, maxBytes]);
    return (this.downloads.get(url) ?? '').slice(0, maxBytes);
  }
}
