// A person's own settings: the level they are judged at, and days away that freeze their streaks.
import type { Clock } from '../clock.js';
import type { Level } from '../core/lp.js';
import type { AwayRange } from '../core/streak.js';
import type { Repositories } from '../db/ports.js';

export class SettingsService {
  constructor(
    private readonly repos: Pick<Repositories, 'users' | 'community'>,
    private readonly clock: Clock,
  ) {}

  setLevel(teamId: string, userId: string, level: Level): Promise<void> {
    return this.repos.users.setLevel(teamId, userId, level, this.clock.now());
  }

  addAway(teamId: string, userId: string, range: AwayRange): Promise<void> {
    return this.repos.community.addAway(teamId, userId, range.from, range.to, this.clock.now());
  }
}
