// The use cases, wired once by the composition root and handed to the Slack listeners and the
// timed jobs (neither sees a repository).

import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import { buildCatalog } from '../core/questions.js';
import type { Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { AnswerService } from './answers.js';
import { ThreadCatchUp } from './catch-up.js';
import { CoachingService } from './coaching.js';
import { CommunityService } from './community.js';
import { DeliveryGuard } from './deliveries.js';
import type { InstallationVault } from './installations.js';
import { LearningService } from './learning.js';
import { MockInterviews } from './mock-interviews.js';
import { MockPoolService } from './mock-pool.js';
import { MockRounds } from './mock-rounds.js';
import { TimezoneCache } from './mock-timezones.js';
import { OnboardingService } from './onboarding.js';
import { Outbox, type Track } from './outbox.js';
import { PracticeService } from './practice.js';
import { PrivacyService } from './privacy.js';
import { ProgressService } from './progress.js';
import { PromptService } from './prompts.js';
import { ScheduleService } from './schedules.js';
import { SettingsService } from './settings.js';
import type { SlackGatewayFor } from './slack-port.js';
import { StoryService } from './stories.js';
import { VoiceService } from './voice.js';
import { WorkspaceRetention } from './workspaces.js';

export interface Services {
  answers: AnswerService;
  coaching: CoachingService;
  onboarding: OnboardingService;
  practice: PracticeService;
  learning: LearningService;
  prompts: PromptService;
  schedules: ScheduleService;
  community: CommunityService;
  progress: ProgressService;
  privacy: PrivacyService;
  settings: SettingsService;
  mockPool: MockPoolService;
  mockRounds: MockRounds;
  mockInterviews: MockInterviews;
  deliveries: DeliveryGuard;
  threads: ThreadCatchUp;
  outbox: Outbox;
  voice: VoiceService;
  stories: StoryService;
  /** Deleting the data of workspaces that uninstalled the app, after the grace period. */
  workspaces: WorkspaceRetention;
  logger: Logger;
  /** Installed workspaces, when the app is installed through OAuth (else one workspace, one token). */
  installations: InstallationVault | undefined;
}

export interface ServiceDeps {
  repos: Repositories;
  library: Library;
  slackFor: SlackGatewayFor;
  clock: Clock;
  random: () => number;
  logger: Logger;
  /** User ids allowed to change schedules besides workspace admins and owners (STAR_ADMINS). */
  admins: readonly string[];
  /** Private channel mode reacts with verdict colours (STAR_VERDICT_REACTIONS=on). */
  verdictReactions?: boolean;
  /** Counts background work (outbox sends) so a graceful stop waits for it. */
  track?: Track;
  /** Resolves at a moment when no Slack request waits for its ack (bounded); sends wait for it. */
  quiet?: () => Promise<void>;
  /** True while accepted answers wait to be worked (the events inbox); welcomes wait for them. */
  answersWaiting?: () => boolean;
  /** Installed workspaces (OAuth install); without it there is one workspace and one token. */
  installations?: InstallationVault;
}

export function createServices(deps: ServiceDeps): Services {
  const { repos, library, slackFor, clock, random, logger } = deps;
  const catalog = buildCatalog(library.scenarios, library.banks);
  const outbox = new Outbox(
    repos.replies,
    slackFor,
    clock,
    logger,
    random,
    deps.track,
    deps.quiet,
    deps.answersWaiting,
  );
  const verdictReactions = deps.verdictReactions ?? false;
  const answers = new AnswerService({ repos, catalog, outbox, clock, logger, verdictReactions });
  const prompts = new PromptService({ repos, catalog, outbox, clock, random, verdictReactions });
  const community = new CommunityService(repos, slackFor, clock);
  const progress = new ProgressService(repos, community, slackFor, clock);
  const timezones = new TimezoneCache(repos, slackFor, clock, logger);
  const mockRounds = new MockRounds({ repos, library, timezones, outbox, slackFor, clock, random, logger });
  const practice = new PracticeService({ repos, library, answers, outbox, slackFor, clock, random, logger });
  const voice = new VoiceService({ repos, answers, outbox, slackFor, clock, logger });
  return {
    answers,
    coaching: new CoachingService({ repos, catalog, slackFor, logger }),
    onboarding: new OnboardingService(repos, outbox, clock),
    practice,
    learning: new LearningService(library, repos.quiz, clock, random),
    prompts,
    schedules: new ScheduleService({ repos, prompts, slackFor, clock, admins: deps.admins }),
    community,
    progress,
    privacy: new PrivacyService(repos.privacy, slackFor, clock, (id) => catalog.get(id)?.question),
    settings: new SettingsService(repos, clock),
    mockPool: new MockPoolService({ repos, rounds: mockRounds, slackFor, clock, admins: deps.admins }),
    mockRounds,
    mockInterviews: new MockInterviews({
      repos,
      library,
      rounds: mockRounds,
      timezones,
      outbox,
      slackFor,
      clock,
      logger,
      publishHome: (teamId, userId) => progress.publishHome(teamId, userId),
    }),
    deliveries: new DeliveryGuard(repos.events, clock),
    threads: new ThreadCatchUp(repos, answers, slackFor, logger, voice),
    outbox,
    voice,
    stories: new StoryService({ repos, library, practice, outbox, slackFor, clock }),
    workspaces: new WorkspaceRetention(repos.workspaces, logger),
    logger,
    installations: deps.installations,
  };
}
