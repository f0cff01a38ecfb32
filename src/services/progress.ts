// A person's own numbers: `/star stats` and the App Home dashboard.
import type { Clock } from '../clock.js';
import type { Level } from '../core/lp.js';
import { summariseHome, summariseStats, type UserStats } from '../core/reports.js';
import { nextLpToPrepare, storyCoverage } from '../core/stories.js';
import type { Repositories } from '../db/ports.js';
import { homeView } from '../messages/home.js';
import { storyCoverageBlocks } from '../messages/stories.js';
import type { CommunityService } from './community.js';
import type { SlackGatewayFor } from './slack-port.js';

/** Mock interviews listed on App Home, newest first. */
const HOME_MOCKS = 5;

export class ProgressService {
  constructor(
    private readonly repos: Pick<
      Repositories,
      'answers' | 'sessions' | 'quiz' | 'users' | 'community' | 'mocks' | 'stories'
    >,
    private readonly community: CommunityService,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
  ) {}

  async stats(teamId: string, userId: string): Promise<{ stats: UserStats; level: Level }> {
    const { answers, sessions, quiz, users } = this.repos;
    const stats = summariseStats(
      await answers.listForUser(teamId, userId),
      await sessions.countForUser(teamId, userId),
      await quiz.totals(teamId, userId),
    );
    return { stats, level: (await users.get(teamId, userId)).level };
  }

  /** The numbers behind a person's App Home: their own answers only, DM practice included. */
  async home(teamId: string, userId: string) {
    const { answers, sessions, community } = this.repos;
    const streaks = await Promise.all(
      (await community.channelsOf(teamId, userId)).map((channelId) => this.community.streak(teamId, channelId, userId)),
    );
    return summariseHome(
      await answers.listForUser(teamId, userId),
      await sessions.countForUser(teamId, userId),
      Math.max(0, ...streaks),
      this.clock.now(),
    );
  }

  /** Publishes the person's dashboard on their Home tab, with their latest mock interviews and story coverage. */
  async publishHome(teamId: string, userId: string): Promise<void> {
    const mocks = await this.repos.mocks.mocksOf(teamId, userId, HOME_MOCKS);
    const view = homeView(await this.home(teamId, userId), mocks, userId);
    const grid = storyCoverage(await this.repos.stories.list(teamId, userId));
    view.blocks = [...view.blocks, ...storyCoverageBlocks(grid, nextLpToPrepare(grid))];
    await this.slackFor(teamId).publishHome(userId, view);
  }
}
