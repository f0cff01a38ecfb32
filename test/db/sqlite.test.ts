import { tempDatabase } from '../helpers/db.js';
import { describeClipRepositories } from './clips-contract.js';
import { describeMockRepositories } from './mocks-contract.js';
import { describeRepositories } from './repositories-contract.js';
import { describeStoryRepositories } from './stories-contract.js';

describeRepositories('SQLite (a file, every migration applied)', () => {
  const db = tempDatabase();
  return { repos: db.repos, close: () => db.close() };
});

describeMockRepositories('SQLite (a file, every migration applied)', () => {
  const db = tempDatabase();
  return { repos: db.repos, close: () => db.close() };
});

describeClipRepositories('SQLite (a file, every migration applied)', () => {
  const db = tempDatabase();
  return { repos: db.repos, close: () => db.close() };
});

describeStoryRepositories('SQLite (a file, every migration applied)', () => {
  const db = tempDatabase();
  return { repos: db.repos, close: () => db.close() };
});
