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

/** Attempts per prompt while Slack keeps answering 429 (each after its Retry-After). */
const PACED_ATTEMPTS = 5;

export interface PromptServiceDeps {
  repos: Pick<Repositories, 'prompts' | 'schedules'>;
  catalog: ReadonlyMap<string, CatalogQuestion>;
  outbox: Outbox;
  clock: Clock;
  random: () => number;
  /** How pacing waits for Retry-After (tests move a fixed clock instead). */
  sleep: (ms: number) => Promise<void>;
}

export class PromptService {
  private readonly idsByLp: Map<string, string[]>;

  constructor(private readonly deps: PromptServiceDeps) {
    this.idsByLp = questionIdsByLp(deps.catalog);
  }

  enabledSchedules(): Promise<ChannelSchedule[]> {
    return this.deps.repos.schedules.enabled();
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
      promptMessage(question, schedule.level, schedule.feedback),
      !slotKey.startsWith('now:'),
      now,
    );
  }

  /** Posts a channel's next prompt now (`/star prompt`); true when Slack took it. */
  async promptNow(schedule: ChannelSchedule): Promise<boolean> {
    const now = this.deps.clock.now();
    const id = await this.claim(schedule, `now:${now.toISOString()}`, now, now);
    return id !== undefined && (await this.deliverPaced([id])) === 1;
  }

  /**
   * Delivers in order. On a 429 everything waits for Slack's Retry-After, then goes on with the same
   * message, so a thousand prompts due in one minute all go out without hammering the API.
   */
  async deliverPaced(ids: readonly number[]): Promise<number> {
    let posted = 0;
    for (const id of ids) {
      for (let attempt = 0; attempt < PACED_ATTEMPTS; attempt++) {
        const outcome = await this.deps.outbox.attempt(id);
        if (outcome.kind === 'sent') posted++;
        if (outcome.kind !== 'rate-limited') break;
        await this.deps.sleep(outcome.retryAfterMs);
      }
    }
    return posted;
  }
}
