// First contact: the welcome, sent once per person through the outbox to their DM.
import type { Clock } from '../clock.js';
import type { Repositories } from '../db/ports.js';
import { welcomeMessage } from '../messages/welcome.js';
import type { Outbox } from './outbox.js';

export class OnboardingService {
  constructor(
    private readonly repos: Pick<Repositories, 'users'>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Marks the welcome as given without sending it (the person started with a command that does something). */
  async skipWelcome(teamId: string, userId: string): Promise<void> {
    if (userId) await this.repos.users.claimWelcome(teamId, userId, this.clock.now());
  }

  /** Sends the welcome to someone the bot has not welcomed yet; true when it did. */
  async welcomeIfNew(teamId: string, userId: string): Promise<boolean> {
    if (!userId) return false;
    const replyId = await this.repos.users.welcome(teamId, userId, welcomeMessage, this.clock.now());
    if (replyId === undefined) return false;
    this.outbox.dispatch([replyId]);
    return true;
  }
}
