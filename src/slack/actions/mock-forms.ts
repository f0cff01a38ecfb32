import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';
import { mockIdOf, replyToPress } from './mock-reply.js';

/** *Fill in the scorecard* (the interviewer) or *Paste my answer* (the candidate): a modal. */
export function mockFormAction(services: Services, form: 'scorecard' | 'answer') {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const open = form === 'scorecard' ? services.mockInterviews.openScorecard : services.mockInterviews.openAnswer;
    await replyToPress(
      args,
      await open.call(services.mockInterviews, teamOf(args), args.body.user.id, mockIdOf(args), args.body.trigger_id),
    );
  };
}
