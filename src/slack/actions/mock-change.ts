import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';
import { mockIdOf, replyToPress } from './mock-reply.js';

export type MockChange = 'reschedule' | 'cancel' | 'no-show' | 'not-met';

/** *Reschedule*, *Cancel*, *Report a no-show* and the check-back's *It didn't happen*. */
export function mockChangeAction(services: Services, change: MockChange) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const team = teamOf(args);
    const user = args.body.user.id;
    const id = mockIdOf(args);
    const mocks = services.mockInterviews;
    const outcome =
      change === 'reschedule'
        ? await mocks.reschedule(team, user, id)
        : change === 'cancel'
          ? await mocks.cancel(team, user, id)
          : change === 'no-show'
            ? await mocks.noShow(team, user, id)
            : await mocks.notMet(team, user, id);
    await replyToPress(args, outcome);
  };
}
