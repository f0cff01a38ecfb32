// The mock interview listeners called with built arguments and fake services: what each acks,
// what it answers the person who pressed, and which use case it calls with what.
import { describe, expect, it } from 'vitest';
import { mockChangeAction } from '../../src/slack/actions/mock-change.js';
import { mockFormAction } from '../../src/slack/actions/mock-forms.js';
import { mockMetAction } from '../../src/slack/actions/mock-met.js';
import { mockModeAction } from '../../src/slack/actions/mock-mode.js';
import { mockSkipAction } from '../../src/slack/actions/mock-skip.js';
import { mockStartAction } from '../../src/slack/actions/mock-start.js';
import { starCommand } from '../../src/slack/commands/star.js';
import { mockAnswerSubmission } from '../../src/slack/views/mock-answer.js';
import { mockScorecardSubmission } from '../../src/slack/views/mock-scorecard.js';
import { buttonArgs, commandArgs, fakeServices, replies } from '../helpers/listener-args.js';

const json = (x: unknown) => JSON.stringify(x);
const TRIGGER = '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3';

describe('/star mocks and /star mock', () => {
  it('acks at once and answers through response_url with what the pool service did', async () => {
    const { services, called } = fakeServices({ 'mockPool.run': async () => ({ kind: 'already' }) });
    const c = commandArgs('mocks join');
    await starCommand(services)(c.args);
    expect(c.acked).toEqual([undefined]);
    expect(called('mockPool.run')).toEqual([['T1234', 'C1234', 'U1234', { kind: 'join' }]]);
    expect(json(c.responded[0])).toContain('You are in this channel’s mock pool already');
  });

  it('passes a mistyped /star mocks to the service as an error, and answers a Slack failure politely', async () => {
    const ok = fakeServices({
      'mockPool.run': async (...args) => ({ kind: 'invalid', message: (args[3] as { message: string }).message }),
    });
    const c = commandArgs('mocks schedule weekly someday 10:00');
    await starCommand(ok.services)(c.args);
    expect(json(c.responded[0])).toContain('is not one day of the week');
    const failing = fakeServices({ 'mockPool.run': () => Promise.reject(new Error('ratelimited')) });
    const d = commandArgs('mocks schedule weekly mon 10:00');
    await starCommand(failing.services)(d.args);
    expect(json(d.responded[0])).toContain('Something went wrong talking to Slack');
  });

  it('answers a bad /star mock in the ack without calling anything, and pairs on a good one', async () => {
    const { services, calls, called } = fakeServices({
      'mockPool.request': async () => ({ kind: 'paired', partnerId: 'U2222', role: 'candidate' }),
    });
    const bad = commandArgs('mock tomorrow');
    await starCommand(services)(bad.args);
    expect(json(bad.acked[0])).toContain('Usage: `/star mock [learning|realistic]`');
    expect(calls).toEqual([]);
    const good = commandArgs('mock realistic');
    await starCommand(services)(good.args);
    expect(called('mockPool.request')).toEqual([['T1234', 'C1234', 'U1234', 'realistic']]);
    expect(json(good.responded[0])).toContain('Paired you with <@U2222>: you are the candidate');
  });
});

describe('the buttons of a mock', () => {
  it('mode and Start call the use case with the button’s mock id and tell only the presser', async () => {
    const { services, called } = fakeServices({
      'mockInterviews.pickMode': async () => ({ kind: 'mode-taken', mode: 'learning' }),
      'mockInterviews.start': async () => ({ kind: 'wrong-person', ownerId: 'U2222', role: 'interviewer' }),
    });
    const mode = buttonArgs('star_mock_mode_realistic', '7');
    await mockModeAction(services, 'realistic')(mode.args);
    expect(called('mockInterviews.pickMode')).toEqual([['T1234', 'U1234', 7, 'realistic']]);
    expect(mode.responded[0]).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'This is a learning mock already; the two don’t mix.',
    });
    const start = buttonArgs('star_mock_start_interviewer', '7');
    await mockStartAction(services, 'interviewer')(start.args);
    expect(called('mockInterviews.start')).toEqual([['T1234', 'U1234', 7, 'interviewer']]);
    expect(json(start.responded[0])).toContain('This button is for <@U2222>, the interviewer');
  });

  it('reschedule, cancel, no-show and “it didn’t happen” each reach their own use case', async () => {
    const { services, calls } = fakeServices({
      'mockInterviews.reschedule': async () => ({ kind: 'rescheduled' }),
      'mockInterviews.cancel': async () => ({ kind: 'cancelled' }),
      'mockInterviews.noShow': async () => ({ kind: 'no-partner' }),
      'mockInterviews.notMet': async () => ({ kind: 'not-met' }),
    });
    const notes: unknown[] = [];
    for (const change of ['reschedule', 'cancel', 'no-show', 'not-met'] as const) {
      const b = buttonArgs('x', '3');
      await mockChangeAction(services, change)(b.args);
      notes.push(...b.responded);
    }
    expect(calls.map((c) => c.path)).toEqual([
      'mockInterviews.reschedule',
      'mockInterviews.cancel',
      'mockInterviews.noShow',
      'mockInterviews.notMet',
    ]);
    expect(json(notes)).toContain('Nobody else in the pool is free this week');
  });

  it('We met, the scorecard and the answer buttons pass the trigger id; an opened modal needs no note', async () => {
    const { services, called } = fakeServices({
      'mockInterviews.met': async () => ({ kind: 'opened' }),
      'mockInterviews.openScorecard': async () => ({ kind: 'open-failed' }),
      'mockInterviews.openAnswer': async () => ({ kind: 'opened' }),
    });
    const met = buttonArgs('star_mock_met', '4');
    await mockMetAction(services)(met.args);
    expect(called('mockInterviews.met')).toEqual([['T1234', 'U1234', 4, TRIGGER]]);
    expect(met.responded).toEqual([]);
    const card = buttonArgs('star_mock_scorecard', '4');
    await mockFormAction(services, 'scorecard')(card.args);
    expect(called('mockInterviews.openScorecard')).toEqual([['T1234', 'U1234', 4, TRIGGER]]);
    expect(json(card.responded[0])).toContain('press the button again');
    const answer = buttonArgs('star_mock_paste_answer', '4');
    await mockFormAction(services, 'answer')(answer.args);
    expect(called('mockInterviews.openAnswer')).toEqual([['T1234', 'U1234', 4, TRIGGER]]);
  });

  it('Skip this round reads the channel and the round from its value', async () => {
    const { services, called } = fakeServices({
      'mockInterviews.skipRound': async () => ({ kind: 'skipped', roundKey: '2026-11-30' }),
    });
    const b = buttonArgs('star_mock_skip_round', 'C1234|2026-11-30');
    await mockSkipAction(services)(b.args);
    expect(called('mockInterviews.skipRound')).toEqual([['T1234', 'U1234', 'C1234', '2026-11-30']]);
    expect(json(b.responded[0])).toContain('You sit out the round of 2026-11-30');
  });
});

function viewArgs(callbackId: string, values: Record<string, unknown>) {
  const r = replies();
  return {
    ...r,
    args: {
      ack: r.ack,
      view: { id: 'V1', type: 'modal', callback_id: callbackId, private_metadata: '9', state: { values } },
      body: { type: 'view_submission', team: { id: 'T1234' }, user: { id: 'U2222' } },
      context: { teamId: 'T1234' },
    } as never,
  };
}

describe('the mock modals', () => {
  const radio = (value: string) => ({ value: { type: 'radio_buttons', selected_option: { value } } });

  it('sends the scorecard’s fields to the service and keeps the modal open with errors on the right blocks', async () => {
    const { services, called } = fakeServices({
      'mockInterviews.recordScorecard': async () => ({
        kind: 'invalid',
        errors: { 'ratings.impact': 'Pick a point from 1 to 4.', verdict: 'Pick a recommendation.' },
      }),
    });
    const v = viewArgs('star_mock_scorecard_form', {
      rating_ownership: radio('3'),
      flags_content: { value: { type: 'checkboxes', selected_options: [{ value: 'blame' }] } },
      flags_delivery: { value: { type: 'checkboxes', selected_options: [{ value: 'filler' }] } },
      went_well: { value: { type: 'plain_text_input', value: 'Clear.' } },
    });
    await mockScorecardSubmission(services)(v.args);
    expect(called('mockInterviews.recordScorecard')).toEqual([
      [
        'T1234',
        'U2222',
        9,
        {
          ratings: {
            ownership: '3',
            impact: undefined,
            structure: undefined,
            delivery: undefined,
            reflection: undefined,
          },
          flags: ['blame', 'filler'],
          verdict: undefined,
          wentWell: 'Clear.',
          toImprove: undefined,
        },
      ],
    ]);
    expect(v.acked).toEqual([
      {
        response_action: 'errors',
        errors: { rating_impact: 'Pick a point from 1 to 4.', verdict: 'Pick a recommendation.' },
      },
    ]);
    expect(called('mockInterviews.deliverScorecard')).toEqual([]);
  });

  it('closes the modal, then delivers, once the scorecard is stored; says so when Slack did not answer', async () => {
    const stored = { kind: 'stored', mock: { id: 9 }, replyId: 5 };
    const { services, called } = fakeServices({ 'mockInterviews.recordScorecard': async () => stored });
    const v = viewArgs('star_mock_scorecard_form', {});
    await mockScorecardSubmission(services)(v.args);
    expect(v.acked).toEqual([undefined]);
    expect(called('mockInterviews.deliverScorecard')).toEqual([[stored]]);
    const down = fakeServices({ 'mockInterviews.recordScorecard': async () => ({ kind: 'slack-failed' }) });
    const w = viewArgs('star_mock_scorecard_form', {});
    await mockScorecardSubmission(down.services)(w.args);
    expect(json(w.acked[0])).toContain('Slack did not answer just now; press Send again.');
  });

  it('scores a pasted answer, or keeps the modal open saying why not', async () => {
    const { services, called } = fakeServices({
      'mockInterviews.recordAnswer': async (...args) =>
        String(args[3]).trim() ? { kind: 'stored', replyId: 11 } : { kind: 'invalid', error: 'Write what you said.' },
    });
    const empty = viewArgs('star_mock_answer_form', { answer: { value: { type: 'plain_text_input', value: ' ' } } });
    await mockAnswerSubmission(services)(empty.args);
    expect(empty.acked).toEqual([{ response_action: 'errors', errors: { answer: 'Write what you said.' } }]);
    const full = viewArgs('star_mock_answer_form', {
      answer: { value: { type: 'plain_text_input', value: 'I did it.' } },
    });
    await mockAnswerSubmission(services)(full.args);
    expect(full.acked).toEqual([undefined]);
    expect(called('mockInterviews.deliver')).toEqual([[11]]);
  });
});
