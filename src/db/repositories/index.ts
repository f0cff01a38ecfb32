import type { Db } from '../open.js';
import { AnswersRepository } from './answers.js';
import { CommunityRepository } from './community.js';
import { EventsRepository } from './events.js';
import { PrivacyRepository } from './privacy.js';
import { PromptsRepository } from './prompts.js';
import { QuizRepository } from './quiz.js';
import { RepliesRepository } from './replies.js';
import { SchedulesRepository } from './schedules.js';
import { SessionsRepository } from './sessions.js';
import { UsersRepository } from './users.js';

export interface Repositories {
  users: UsersRepository;
  events: EventsRepository;
  sessions: SessionsRepository;
  answers: AnswersRepository;
  replies: RepliesRepository;
  quiz: QuizRepository;
  schedules: SchedulesRepository;
  prompts: PromptsRepository;
  community: CommunityRepository;
  privacy: PrivacyRepository;
  /** Runs fn in one SQLite transaction (synchronous, as better-sqlite3 is). */
  transaction<T>(fn: () => T): T;
}

export function createRepositories(db: Db): Repositories {
  return {
    users: new UsersRepository(db),
    events: new EventsRepository(db),
    sessions: new SessionsRepository(db),
    answers: new AnswersRepository(db),
    replies: new RepliesRepository(db),
    quiz: new QuizRepository(db),
    schedules: new SchedulesRepository(db),
    prompts: new PromptsRepository(db),
    community: new CommunityRepository(db),
    privacy: new PrivacyRepository(db),
    transaction: (fn) => db.transaction(() => fn()),
  };
}
