import type { Repositories, RepositoryOptions, RescoreRepository } from '../ports.js';
import { PgAnswers } from './answers.js';
import { PgClips } from './clips.js';
import { PgCommunity } from './community.js';
import { PgEvents } from './events.js';
import { PgInstallations } from './installations.js';
import { PgMocks } from './mocks.js';
import { PgPrivacy } from './privacy.js';
import { PgPrompts } from './prompts.js';
import { PgQuiz } from './quiz.js';
import { PgReplies } from './replies.js';
import { PgRescore } from './rescore.js';
import { PgSchedules } from './schedules.js';
import { PgSessions } from './sessions.js';
import { type PgDb, PgStore } from './store.js';
import { PgStories } from './stories.js';
import { PgUsers } from './users.js';
import { PgWorkspaces } from './workspaces.js';

export { migratePostgres, type OpenPostgres, openPostgres, PG_MIGRATIONS_DIR } from './open.js';
export type { PgDb } from './store.js';

/** The repositories on one PostgreSQL database (see ../ports.ts for what each use case promises). */
export function pgRepositories(db: PgDb, options: RepositoryOptions = {}): Repositories {
  const store = new PgStore(db);
  return {
    users: new PgUsers(store),
    events: new PgEvents(store),
    sessions: new PgSessions(store),
    answers: new PgAnswers(store),
    replies: new PgReplies(store, options.sendingLeaseMs),
    quiz: new PgQuiz(store),
    schedules: new PgSchedules(store),
    prompts: new PgPrompts(store),
    community: new PgCommunity(store),
    privacy: new PgPrivacy(store),
    mocks: new PgMocks(store),
    clips: new PgClips(store),
    stories: new PgStories(store),
    installations: new PgInstallations(store),
    workspaces: new PgWorkspaces(store),
  };
}

/** Re-scoring stored answers (`star rescore`), apart from the app's repositories. */
export function pgRescore(db: PgDb): RescoreRepository {
  return new PgRescore(new PgStore(db));
}
