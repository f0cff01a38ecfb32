import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { DIMENSIONS } from '../../core/rubric/index.js';
import { INPUT_ACTION, SCORECARD_BLOCKS } from '../../messages/ids.js';
import { mockActionText } from '../../messages/mocks.js';
import type { Services } from '../../services/index.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = ViewSubmitAction['view']['state']['values'];

const selected = (values: Values, block: string) => values[block]?.[INPUT_ACTION]?.selected_option?.value ?? undefined;
const checked = (values: Values, block: string) =>
  (values[block]?.[INPUT_ACTION]?.selected_options ?? []).map((o) => o.value);
const typed = (values: Values, block: string) => values[block]?.[INPUT_ACTION]?.value ?? undefined;

/** Where an error about a scorecard field is shown in the modal. */
function blockFor(field: string): string {
  if (field.startsWith('ratings.')) return SCORECARD_BLOCKS.rating(field.slice('ratings.'.length));
  if (field === 'flags') return SCORECARD_BLOCKS.flagsContent;
  if (field === 'wentWell') return SCORECARD_BLOCKS.wentWell;
  if (field === 'toImprove') return SCORECARD_BLOCKS.toImprove;
  return SCORECARD_BLOCKS.verdict;
}

/**
 * The interviewer's scorecard. It is checked and stored before the modal closes, so a mistake or a
 * Slack failure keeps the modal open with what was typed; then the DM and App Homes go out.
 */
export function mockScorecardSubmission(services: Services) {
  return async ({ ack, view, body, context }: ViewArgs): Promise<void> => {
    const values = view.state.values;
    const record = await services.mockInterviews.recordScorecard(
      context.teamId ?? body.team?.id ?? '',
      body.user.id,
      Number(view.private_metadata),
      {
        ratings: Object.fromEntries(DIMENSIONS.map((d) => [d, selected(values, SCORECARD_BLOCKS.rating(d))])),
        flags: [...checked(values, SCORECARD_BLOCKS.flagsContent), ...checked(values, SCORECARD_BLOCKS.flagsDelivery)],
        verdict: selected(values, SCORECARD_BLOCKS.verdict),
        wentWell: typed(values, SCORECARD_BLOCKS.wentWell),
        toImprove: typed(values, SCORECARD_BLOCKS.toImprove),
      },
    );
    if (record.kind === 'invalid') {
      await ack({
        response_action: 'errors',
        errors: Object.fromEntries(Object.entries(record.errors).map(([field, message]) => [blockFor(field), message])),
      });
      return;
    }
    if (record.kind === 'slack-failed') {
      await ack({
        response_action: 'errors',
        errors: { [SCORECARD_BLOCKS.verdict]: 'Slack did not answer just now; press Send again.' },
      });
      return;
    }
    if (record.kind !== 'stored') {
      await ack({
        response_action: 'errors',
        errors: { [SCORECARD_BLOCKS.verdict]: mockActionText(record) ?? 'This scorecard cannot be sent.' },
      });
      return;
    }
    await ack();
    await services.mockInterviews.deliverScorecard(record);
  };
}
