import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { STAR_PARTS, type StarPart } from '../../core/lp.js';
import type { Services } from '../../services/index.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The structured-answer modal: at least Action and Result must say something. */
export function answerFormSubmission(services: Services) {
  return async ({ ack, view, body, context }: ViewArgs): Promise<void> => {
    const values: Partial<Record<StarPart, string>> = {};
    for (const part of STAR_PARTS) values[part] = view.state.values[part]?.value?.value ?? '';
    const errors: Record<string, string> = {};
    for (const part of ['action', 'result'] as const)
      if (!values[part]?.trim()) errors[part] = 'Write at least a sentence here.';
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await services.practice.submitForm(
      context.teamId ?? body.team?.id ?? '',
      body.user.id,
      Number(view.private_metadata),
      values,
      view.id,
    );
  };
}
