import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { INPUT_ACTION } from '../../messages/ids.js';
import { mockActionText } from '../../messages/mocks.js';
import type { Services } from '../../services/index.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The candidate's pasted answer: scored and stored before the modal closes, then sent to their DM. */
export function mockAnswerSubmission(services: Services) {
  return async ({ ack, view, body, context }: ViewArgs): Promise<void> => {
    const record = await services.mockInterviews.recordAnswer(
      context.teamId ?? body.team?.id ?? '',
      body.user.id,
      Number(view.private_metadata),
      view.state.values.answer?.[INPUT_ACTION]?.value ?? '',
    );
    if (record.kind !== 'stored') {
      const error =
        record.kind === 'invalid'
          ? record.error
          : record.kind === 'slack-failed'
            ? 'Slack did not answer just now; press Score it again.'
            : (mockActionText(record) ?? 'This answer cannot be scored.');
      await ack({ response_action: 'errors', errors: { answer: error } });
      return;
    }
    await ack();
    await services.mockInterviews.deliver(record.replyId);
  };
}
