// Channel prompts: a slot claimed in the database (once, whichever instance gets there first), the
// next question by rotation, and delivery paced on Slack's rate limits.
import type { Clock } from '../clock.js';
import type { ChannelSchedule } from '../core/domain.js';
import { isLpId, LP_IDS, type LpId } from '../core/lp.js';
import { type CatalogQuestion, questionIdsByLp } from '../core/questions.js';
import { nextQuestion } from '../core/rotation.js';
import type { Repositories } from '../db/ports.js';
import { promptMessage } from '../messages/channel.js';
import type { Outbox } from './outbox.js';

export interface PromptServiceDeps {
  repos: Pick<Repositories, 'prompts' | 'schedules'>;
  catalog: ReadonlyMap<string, CatalogQuestion>;
  outbox: Outbox;
  clock: Clock;
  random: () => number;
  /** Private mode tells the channel it sees verdict colours (STAR_VERDICT_REACTIONS=on). */
  verdictReactions?: boolean;
}

export class PromptService {
  private readonly idsByLp: Map<string, string[]>;

  constructor(private readonly deps: PromptServiceDeps) {
    this.idsByLp = questionIdsByLp(deps.catalog);
  }

  enabledSchedules(): Promise<ChannelSchedule[]> {
    return this.deps.repos.schedules.enabled();
  }

  /** Schedules whose next prompt instant has come by `now` (the tick looks at these only). */
  promptsDue(now: Date): Promise<ChannelSchedule[]> {
    return this.deps.repos.schedules.promptsDue(now);
  }

  /** Schedules whose next digest instant has come by `now`. */
  digestsDue(now: Date): Promise<ChannelSchedule[]> {
    return this.deps.repos.schedules.digestsDue(now);
  }

  /** The tick looked at a due prompt: its next instant moves on (a slot still in the grace window stays due). */
  promptHandled(schedule: ChannelSchedule, now: Date, graceMs: number): Promise<void> {
    return this.deps.repos.schedules.promptHandled(schedule.teamId, schedule.channelId, now, graceMs);
  }

  /** The tick looked at a due digest: the next is next week's. */
  digestHandled(schedule: ChannelSchedule, now: Date): Promise<void> {
    return this.deps.repos.schedules.digestHandled(schedule.teamId, schedule.channelId, now);
  }

  /**
   * Claims a slot and stores its prompt, with the message in the outbox. Returns the reply to
   * deliver, or undefined when the slot was claimed already (by us earlier, or another instance).
   */
  async claim(schedule: ChannelSchedule, slotKey: string, slotAt: Date, now: Date): Promise<number | undefined> {
    const { repos, catalog } = this.deps;
    const lps = (schedule.lps.length > 0 ? schedule.lps.filter(isLpId) : [...LP_IDS]) as LpId[];
    const history = await repos.prompts.history(schedule.teamId, schedule.channelId);
    const pick = nextQuestion(history, lps, this.idsByLp, this.deps.random);
    if (!pick) return undefined;
    const question = catalog.get(pick.questionId) as CatalogQuestion;
    return repos.prompts.claim(
      {
        teamId: schedule.teamId,
        channelId: schedule.channelId,
        slotKey,
        slotAt: slotAt.toISOString(),
        lp: pick.lp,
        questionId: pick.questionId,
        level: schedule.level ?? 'sde2',
        feedback: schedule.feedback,
      },
      promptMessage(question, schedule.level, schedule.feedback, this.deps.verdictReactions ?? false),
      !slotKey.startsWith('now:'),
      now,
    );
  }

  /** Posts a channel's next prompt now (`/star prompt`); true when Slack took it. */
  async promptNow(schedule: ChannelSchedule): Promise<boolean> {
    const now = this.deps.clock.now();
    const id = await this.claim(schedule, `now:${now.toISOString()}`, now, now);
    return id !== undefined && (await this.deps.outbox.deliver(id));
  }

  /**
   * Hands claimed prompts to the outbox, which posts them in the background, each channel at its
   * own pace: the minute's tick never waits for Slack, and one rate-limited channel delays no other.
   */
  post(ids: readonly number[]): void {
    this.deps.outbox.dispatch(ids);
  }
}
