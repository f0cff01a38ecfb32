// The story bank: saving a scored answer as a story (or as a new version of the story it
// reframed), listing, renaming, re-tagging and deleting stories, the coverage of the sixteen LPs,
// reframing a story for another LP, and the Markdown prep document. Stories are private.
import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import { isLpId, type LpId } from '../core/lp.js';
import {
  buildLpSignals,
  type CoverageCell,
  type LpSignals,
  lensFor,
  nextLpToPrepare,
  probesByLp,
  type Story,
  storiesMarkdown,
  storyCoverage,
  storyTitle,
  suggestLps,
} from '../core/stories.js';
import type { Repositories } from '../db/ports.js';
import { reframeQuestionMessage } from '../messages/stories.js';
import type { Outbox } from './outbox.js';
import type { PracticeService } from './practice.js';
import type { SlackGatewayFor } from './slack-port.js';

/** Titles are kept short enough for a header and a list line. */
export const MAX_TITLE_CHARS = 120;

export interface StoryServiceDeps {
  repos: Pick<Repositories, 'stories' | 'sessions' | 'users' | 'mocks'>;
  library: Library;
  practice: PracticeService;
  outbox: Outbox;
  slackFor: SlackGatewayFor;
  clock: Clock;
}

export type SaveOutcome =
  | { status: 'saved' | 'version-added' | 'already'; story: Story }
  | { status: 'not-found' | 'not-yours' | 'not-an-answer' };

export class StoryService {
  private signals: LpSignals | undefined;

  constructor(private readonly deps: StoryServiceDeps) {}

  /** The Save button: the answer becomes a story, or a new version of the story its session reframed. */
  async saveFromAnswer(teamId: string, userId: string, answerId: number): Promise<SaveOutcome> {
    const { stories } = this.deps.repos;
    const source = await stories.source(teamId, answerId);
    if (!source || source.deleted) return { status: 'not-found' };
    if (source.userId !== userId) return { status: 'not-yours' };
    if (source.kind !== 'answer') return { status: 'not-an-answer' };
    const version = {
      answerId,
      lp: source.lp,
      level: source.level,
      text: source.text,
      overall: source.overall,
      verdict: source.verdict,
    };
    const now = this.deps.clock.now();
    const saved =
      (source.storyId !== undefined
        ? await stories.addVersion(teamId, userId, source.storyId, version, now)
        : undefined) ??
      (await stories.create(
        {
          teamId,
          userId,
          title: storyTitle(source.text),
          lps: suggestLps(source.text, this.lpSignals(), source.lp),
        },
        version,
        now,
      ));
    const status = !saved.created ? 'already' : saved.story.versions.length > 1 ? 'version-added' : 'saved';
    return { status, story: saved.story };
  }

  /**
   * The Save button on a mock interview's answer (the candidate's pasted answer, scored): a story
   * of its own, once; only the candidate may save it.
   */
  async saveFromMock(teamId: string, userId: string, mockId: number): Promise<SaveOutcome> {
    const { stories, mocks } = this.deps.repos;
    const [mock, answer] = await Promise.all([mocks.get(teamId, mockId), mocks.answer(teamId, mockId)]);
    if (!mock || !answer) return { status: 'not-found' };
    if (answer.userId !== userId) return { status: 'not-yours' };
    const lp = isLpId(mock.lp) ? mock.lp : undefined;
    if (!lp) return { status: 'not-found' }; // a mock of an LP the library no longer has
    const saved = await stories.create(
      { teamId, userId, title: storyTitle(answer.text), lps: suggestLps(answer.text, this.lpSignals(), lp) },
      {
        answerId: null,
        mockId,
        lp,
        level: mock.level,
        text: answer.text,
        overall: answer.overall,
        verdict: answer.verdict,
      },
      this.deps.clock.now(),
    );
    return { status: saved.created ? 'saved' : 'already', story: saved.story };
  }

  list(teamId: string, userId: string): Promise<Story[]> {
    return this.deps.repos.stories.list(teamId, userId);
  }

  rename(teamId: string, userId: string, storyId: number, title: string): Promise<boolean> {
    const clean = title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS);
    if (!clean) return Promise.resolve(false);
    return this.deps.repos.stories.rename(teamId, userId, storyId, clean, this.deps.clock.now());
  }

  setLps(teamId: string, userId: string, storyId: number, lps: LpId[]): Promise<boolean> {
    return this.deps.repos.stories.setLps(teamId, userId, storyId, [...new Set(lps)], this.deps.clock.now());
  }

  delete(teamId: string, userId: string, storyId: number): Promise<boolean> {
    return this.deps.repos.stories.delete(teamId, userId, storyId);
  }

  /** The coverage grid of the person's stories and the LP to prepare next. */
  async coverage(teamId: string, userId: string): Promise<{ grid: CoverageCell[]; next: LpId | undefined }> {
    const grid = storyCoverage(await this.list(teamId, userId));
    return { grid, next: nextLpToPrepare(grid) };
  }

  /**
   * Reframe: a DM practice session for another LP, whose question shows the saved story and that
   * LP's lens from the library; answers in it become versions of the story when saved.
   */
  async reframe(teamId: string, userId: string, storyId: number, lp: LpId): Promise<'started' | 'not-found'> {
    const { repos, practice, slackFor, clock, library } = this.deps;
    const story = await repos.stories.get(teamId, userId, storyId);
    if (!story) return 'not-found';
    const level = (await repos.users.get(teamId, userId)).level;
    const scenario = await practice.pickScenario(teamId, userId, lp);
    const lens = lensFor(library.scenarios, lp, story.lps);
    const channelId = await slackFor(teamId).openDm(userId);
    const { session, replyId } = await repos.sessions.startDm(
      { teamId, userId, channelId, scenarioId: scenario.id, lp: scenario.lp, level },
      (sessionId) => reframeQuestionMessage(story, lp, lens, scenario, level, sessionId),
      clock.now(),
    );
    await repos.stories.linkSession(teamId, userId, session.id, story.id);
    await this.deps.outbox.deliver(replyId);
    return 'started';
  }

  /** The prep document (Markdown) of the person's stories. */
  async markdown(teamId: string, userId: string): Promise<string> {
    return storiesMarkdown(await this.list(teamId, userId), {
      probesFor: probesByLp(this.deps.library.scenarios),
      date: this.deps.clock.now().toISOString().slice(0, 10),
    });
  }

  /** Sends the prep document as a Markdown file in the person's DM. Throws when Slack refuses. */
  async exportToDm(teamId: string, userId: string): Promise<number> {
    const stories = await this.list(teamId, userId);
    const slack = this.deps.slackFor(teamId);
    const dm = await slack.openDm(userId);
    await slack.uploadFile(
      dm,
      'star-stories.md',
      await this.markdown(teamId, userId),
      `Your ${stories.length} stories as a prep document, one section per Leadership Principle.`,
    );
    return stories.length;
  }

  private lpSignals(): LpSignals {
    this.signals ??= buildLpSignals(this.deps.library.scenarios);
    return this.signals;
  }
}
