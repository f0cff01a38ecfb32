import type { Repositories, RepositoryOptions, RescoreRepository } from '../ports.js';
import { SqliteAnswers } from './answers.js';
import { SqliteClips } from './clips.js';
import { SqliteCommunity } from './community.js';
import { SqliteEvents } from './events.js';
import { SqliteInstallations } from './installations.js';
import { SqliteMocks } from './mocks.js';
import type { Db } from './open.js';
import { SqlitePrivacy } from './privacy.js';
import { SqlitePrompts } from './prompts.js';
import { SqliteQuiz } from './quiz.js';
import { SqliteReplies } from './replies.js';
import { SqliteRescore } from './rescore.js';
import { SqliteSchedules } from './schedules.js';
import { SqliteSessions } from './sessions.js';
import { SqliteStore } from './store.js';
import { SqliteStories } from './stories.js';
import { SqliteUsers } from './users.js';
import { SqliteWorkspaces } from './workspaces.js';

export { type OpenDatabase, openDatabase } from './open.js';

/** The repositories on one SQLite database (see ../ports.ts for what each use case promises). */
export function sqliteRepositories(db: Db, options: RepositoryOptions = {}): Repositories {
  const store = new SqliteStore(db);
  return {
    users: new SqliteUsers(store),
    events: new SqliteEvents(store),
    sessions: new SqliteSessions(store),
    answers: new SqliteAnswers(store),
    replies: new SqliteReplies(store, options.sendingLeaseMs),
    quiz: new SqliteQuiz(store),
    schedules: new SqliteSchedules(store),
    prompts: new SqlitePrompts(store),
    community: new SqliteCommunity(store),
    privacy: new SqlitePrivacy(store),
    mocks: new SqliteMocks(store),
    clips: new SqliteClips(store),
    stories: new SqliteStories(store),
    installations: new SqliteInstallations(store),
    workspaces: new SqliteWorkspaces(store),
  };
}

/** Re-scoring stored answers (`star rescore`), apart from the app's repositories. */
export function sqliteRescore(db: Db): RescoreRepository {
  return new SqliteRescore(new SqliteStore(db));
}
