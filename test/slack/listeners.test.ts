// Each listener called directly with built arguments and fake services: what it acks, what it
// responds, which service it calls. Fast; the flows through the whole app are in the other files.
import { describe, expect, it } from 'vitest';
import { forgetConfirmAction } from '../../src/slack/actions/forget-confirm.js';
import { learnStepAction } from '../../src/slack/actions/learn-step.js';
import { openAnswerFormAction } from '../../src/slack/actions/open-answer-form.js';
import { quizChoiceAction } from '../../src/slack/actions/quiz-choice.js';
import { startProbesAction } from '../../src/slack/actions/start-probes.js';
import { starCommand } from '../../src/slack/commands/star.js';
import { appHomeOpenedListener } from '../../src/slack/events/app-home-opened.js';
import { messageListener } from '../../src/slack/events/message.js';
import { reactionListener } from '../../src/slack/events/reaction.js';
import { answerFormSubmission } from '../../src/slack/views/answer-form.js';
import { buttonArgs, commandArgs, eventArgs, fakeServices, replies } from '../helpers/listener-args.js';

const json = (x: unknown) => JSON.stringify(x);

describe('/star', () => {
  it('answers a payload without text, or an unknown word, with the help', async () => {
    const { services, calls } = fakeServices();
    for (const text of [undefined, '', 'frobnicate now']) {
      const c = commandArgs(text);
      await starCommand(services)(c.args);
      expect(json(c.acked[0])).toContain('/star practice [lp] [sde1|sde2|senior]');
      if (text) expect(json(c.acked[0])).toContain('Unknown command \\"frobnicate\\"');
    }
    expect(calls).toEqual([]);
  });

  it('practice: acks at once, then says so when the DM cannot be opened or Slack did not take the question', async () => {
    const failing = fakeServices({
      'practice.start': () => Promise.reject(new Error('cannot_dm_bot')),
    });
    const c = commandArgs('practice dive-deep senior');
    await starCommand(failing.services)(c.args);
    expect(c.acked[0]).toMatchObject({ text: ':mailbox_with_mail: Sending you a Dive Deep question in a DM…' });
    expect(failing.called('practice.start')).toEqual([['T1234', 'U1234', 'dive-deep', 'senior']]);
    expect(json(c.responded[0])).toContain('I could not open a DM with you');
    expect(c.logger.errors).toHaveLength(1);

    const unsent = fakeServices({ 'practice.start': async () => ({ sent: false }) });
    const d = commandArgs('practice');
    await starCommand(unsent.services)(d.args);
    expect(json(d.responded[0])).toContain('it is saved and I will post it in your DM shortly');
  });

  it('level, leaderboard and away check their words before calling a service', async () => {
    const { services, called } = fakeServices({ 'community.leaderboard': async () => [] });
    const bad = ['level principal', 'leaderboard forever', 'away someday', 'away 2026-12-24..2026-12-01'];
    const acks: unknown[] = [];
    for (const text of bad) {
      const c = commandArgs(text);
      await starCommand(services)(c.args);
      acks.push(c.acked[0]);
    }
    expect(json(acks)).toContain('Usage: /star level sde1|sde2|senior');
    expect(json(acks)).toContain('Usage: `/star leaderboard [week|month|all] [post]`');
    expect(json(acks)).toContain('is not a date range');
    expect(json(acks)).toContain('the range ends before it starts');
    expect(called('settings.setLevel')).toEqual([]);
    expect(called('settings.addAway')).toEqual([]);

    const level = commandArgs('level SDE1');
    await starCommand(services)(level.args);
    expect(called('settings.setLevel')).toEqual([['T1234', 'U1234', 'sde1']]);
    const away = commandArgs('away 2026-12-24..2027-01-02');
    await starCommand(services)(away.args);
    expect(called('settings.addAway')).toEqual([['T1234', 'U1234', { from: '2026-12-24', to: '2027-01-02' }]]);
    const board = commandArgs('leaderboard month');
    await starCommand(services)(board.args);
    expect(called('community.leaderboard')).toEqual([['T1234', 'C1234', 'month']]);
    expect(json(board.acked[0])).toContain('No answers in this channel for the last 30 days yet.');
  });

  it('schedule and prompt ack first; when Slack fails meanwhile the reply says nothing was changed', async () => {
    const { services, called } = fakeServices({
      'schedules.run': () => Promise.reject(new Error('users.info failed')),
      'schedules.promptNow': async () => ({ kind: 'prompted', posted: true }),
    });
    const c = commandArgs('schedule 09:30 Europe/Berlin');
    await starCommand(services)(c.args);
    expect(c.acked).toEqual([undefined]);
    expect(called('schedules.run')[0][3]).toMatchObject({ kind: 'time', minuteOfDay: 570, timezone: 'Europe/Berlin' });
    expect(json(c.responded[0])).toContain('Something went wrong talking to Slack; nothing was changed');
    const p = commandArgs('prompt');
    await starCommand(services)(p.args);
    expect(json(p.responded[0])).toContain('Posted the next prompt');
  });

  it('export acks, then reports the file sent or the failure', async () => {
    const ok = fakeServices();
    const c = commandArgs('export');
    await starCommand(ok.services)(c.args);
    expect(json(c.responded)).toContain('I sent you all your data as a JSON file in a DM');
    const failing = fakeServices({ 'privacy.exportToDm': () => Promise.reject(new Error('files.upload failed')) });
    const d = commandArgs('export');
    await starCommand(failing.services)(d.args);
    expect(json(d.responded)).toContain('I could not send the file');
  });
});

describe('buttons', () => {
  it('say so, without replacing the message, when what they point at is gone', async () => {
    const { services } = fakeServices({
      'learning.scenario': () => undefined,
      'answers.startProbes': async () => 'not-found',
      'practice.openAnswerForm': async () => 'failed',
    });
    const learn = buttonArgs('star_learn_next', 'gone:1');
    await learnStepAction(services)(learn.args);
    const quiz = buttonArgs('star_quiz_choice_0', 'gone:0:0:any');
    await quizChoiceAction(services)(quiz.args);
    const probes = buttonArgs('star_start_probes', '42');
    await startProbesAction(services)(probes.args);
    const form = buttonArgs('star_open_answer_form', '42');
    await openAnswerFormAction(services)(form.args);
    for (const b of [learn, quiz, probes, form]) {
      expect(b.acked).toEqual([undefined]);
      expect(b.responded).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: false })]);
    }
    expect(json(form.responded)).toContain('press the button again');
  });

  it('forget-me confirmed: the message becomes the count of what was deleted', async () => {
    const { services, called } = fakeServices({ 'privacy.forget': async () => 12 });
    const b = buttonArgs('star_forget_confirm', 'confirm');
    await forgetConfirmAction(services)(b.args);
    expect(called('privacy.forget')).toEqual([['T1234', 'U1234']]);
    expect(b.responded).toEqual([
      { replace_original: true, text: ':wastebasket: Done: 12 records about you deleted.' },
    ]);
  });
});

describe('events', () => {
  it('message: new answers, edits and deletes go to the answer use case by where they were posted; the rest is ignored', async () => {
    const { services, calls, welcomes } = fakeServices();
    const listener = messageListener(services);
    const base = { type: 'message', channel: 'D1234', user: 'U1234', text: 'hi', ts: '2.0', thread_ts: '1.0' };
    await listener(eventArgs({ ...base, channel_type: 'im' }));
    await listener(eventArgs({ ...base, channel: 'C1234', channel_type: 'channel' }));
    await listener(eventArgs({ ...base, channel: 'G1234', channel_type: 'group', subtype: 'thread_broadcast' }));
    await listener(
      eventArgs({
        type: 'message',
        subtype: 'message_changed',
        channel: 'C1234',
        channel_type: 'channel',
        ts: '3.0',
        message: { user: 'U1234', text: 'new', ts: '2.0' },
      }),
    );
    await listener(
      eventArgs({
        type: 'message',
        subtype: 'message_deleted',
        channel: 'D1234',
        channel_type: 'im',
        ts: '4.0',
        deleted_ts: '2.0',
      }),
    );
    // Ignored: another bot, a join, an edit by a bot, a group DM.
    await listener(eventArgs({ ...base, channel_type: 'im', bot_id: 'B0OTHER' }));
    await listener(eventArgs({ ...base, channel_type: 'channel', subtype: 'channel_join' }));
    await listener(
      eventArgs({
        type: 'message',
        subtype: 'message_changed',
        channel: 'C1',
        channel_type: 'channel',
        ts: '5.0',
        message: { bot_id: 'B1', text: 'x', ts: '2.0' },
      }),
    );
    await listener(eventArgs({ ...base, channel_type: 'mpim' }));
    const message = { teamId: 'T1234', userId: 'U1234', ts: '2.0', threadTs: '1.0', text: 'hi' };
    expect(calls.map((c) => [c.path, c.args])).toEqual([
      ['answers.receiveDm', [{ ...message, channelId: 'D1234' }]],
      ['answers.receiveInChannel', [{ ...message, channelId: 'C1234' }]],
      ['answers.receiveInChannel', [{ ...message, channelId: 'G1234' }]],
      ['answers.edit', ['T1234', 'C1234', '2.0', 'new']],
      ['answers.remove', ['T1234', 'D1234', '2.0']],
    ]);
    // A DM is first contact (the welcome goes out once); a channel message that is no answer is not.
    expect(welcomes.map((c) => [c.path, c.args])).toEqual([['onboarding.welcomeIfNew', ['T1234', 'U1234']]]);
  });

  it('reactions count only on messages; App Home publishes only for the Home tab', async () => {
    const { services, calls } = fakeServices();
    await reactionListener(services)(
      eventArgs({ type: 'reaction_added', user: 'U2', reaction: 'star', item: { type: 'file', file: 'F1' } }),
    );
    await reactionListener(services)(
      eventArgs({
        type: 'reaction_removed',
        user: 'U2',
        reaction: 'star',
        item: { type: 'message', channel: 'C1', ts: '1.0' },
      }),
    );
    await appHomeOpenedListener(services)(eventArgs({ type: 'app_home_opened', user: 'U1', tab: 'messages' }));
    await appHomeOpenedListener(services)(eventArgs({ type: 'app_home_opened', user: 'U1', tab: 'home' }));
    expect(calls.map((c) => c.path)).toEqual(['community.handleReaction', 'progress.publishHome']);
    expect(calls[0].args[0]).toMatchObject({
      added: false,
      channelId: 'C1',
      messageTs: '1.0',
      reviewerId: 'U2',
      botUserId: 'U0BOT',
    });
  });
});

describe('the answer form', () => {
  const submission = (values: Record<string, string>) => {
    const r = replies();
    return {
      ...r,
      args: {
        ack: r.ack,
        view: {
          id: 'V1',
          private_metadata: '7',
          state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: { value: v } }])) },
        },
        body: { user: { id: 'U1234' }, team: { id: 'T1234' } },
        context: { teamId: 'T1234' },
      } as never,
    };
  };

  it('refuses a form without Action or Result, field by field, and sends a complete one to practice', async () => {
    const { services, called } = fakeServices();
    const empty = submission({ situation: 'context', action: ' ' });
    await answerFormSubmission(services)(empty.args);
    expect(empty.acked).toEqual([
      {
        response_action: 'errors',
        errors: { action: 'Write at least a sentence here.', result: 'Write at least a sentence here.' },
      },
    ]);
    const full = submission({ action: 'I fixed it.', result: 'Errors fell by half.' });
    await answerFormSubmission(services)(full.args);
    expect(full.acked).toEqual([undefined]);
    expect(called('practice.submitForm')).toEqual([
      [
        'T1234',
        'U1234',
        7,
        { situation: '', task: '', action: 'I fixed it.', result: 'Errors fell by half.', reflection: '' },
        'V1',
      ],
    ]);
  });
});
