import type { MockRole } from '../../core/mocks.js';
import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';
import { mockIdOf, replyToPress } from './mock-reply.js';

/** *Start as interviewer / candidate / observer*: each person's own material, in their own DM. */
export function mockStartAction(services: Services, role: MockRole) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await replyToPress(
      args,
      await services.mockInterviews.start(teamOf(args), args.body.user.id, mockIdOf(args), role),
    );
  };
}
