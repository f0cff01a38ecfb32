import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import type { Repositories } from '../db/repositories/index.js';
import type { ChannelService } from '../services/channel.js';
import type { CommunityService } from '../services/community.js';
import type { Logger, Outbox } from '../services/outbox.js';
import type { PracticeService } from '../services/practice.js';
import type { SlackGateway } from './gateway.js';

/** What the Slack listeners are given: built once in main.ts, passed in, never imported. */
export interface Services {
  repos: Repositories;
  library: Library;
  practice: PracticeService;
  channel: ChannelService;
  community: CommunityService;
  /** User ids allowed to change schedules besides workspace admins (STAR_ADMINS). */
  admins: readonly string[];
  outbox: Outbox;
  slackFor(teamId: string): SlackGateway;
  clock: Clock;
  random: () => number;
  logger: Logger;
}
