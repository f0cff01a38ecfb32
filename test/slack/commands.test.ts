import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/messages/ids.js';
import { quizMessage } from '../../src/messages/quiz.js';
import {
  buttonClick,
  dmReply,
  eventEnvelope,
  type Harness,
  shippedLibrary,
  slashCommand,
  startHarness,
  TEAM,
  USER,
} from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const json = (x: unknown) => JSON.stringify(x);

describe('/star help and mistakes', () => {
  it('answers a near miss in one line with the subcommand it likely meant', async () => {
    const ack = (await h.send(slashCommand('practise', h.slack.responseUrl()))) as { text: string; blocks?: unknown[] };
    expect(ack.text).toContain('did you mean `/star practice`?');
    expect(ack.blocks).toBeUndefined();
  });

  it.each(['', 'help', 'frobnicate', 'practice nonsense', 'level', 'level principal', 'learn sde1'])(
    '"/star %s" answers with short ephemeral help',
    async (text) => {
      const ack = (await h.send(slashCommand(text, h.slack.responseUrl()))) as {
        response_type: string;
        blocks: unknown[];
      };
      expect(ack.response_type).toBe('ephemeral');
      expect(json(ack.blocks)).toContain('/star practice [lp] [sde1|sde2|senior]');
      if (text === 'frobnicate') expect(json(ack.blocks)).toContain('Unknown command \\"frobnicate\\"');
      // Nothing but, on first contact, the welcome in a DM.
      const welcome = (c: { method: string; args: Record<string, unknown> }) =>
        c.method === 'conversations.open' ||
        (c.method === 'chat.postMessage' && String(c.args.text).startsWith('Welcome'));
      expect(h.slack.calls.filter((c) => c.method !== 'auth.test' && !welcome(c))).toEqual([]);
    },
  );
});

describe('/star level and /star stats', () => {
  it('stores the level and uses it for the next practice', async () => {
    const ack = await h.send(slashCommand('level senior', h.slack.responseUrl()));
    expect(json(ack)).toContain('Senior SDE');
    expect((await h.repos.users.get(TEAM, USER)).level).toBe('senior');
    await h.send(slashCommand('practice', h.slack.responseUrl()));
    expect(json(h.slack.callsTo('chat.postMessage')[0].args.blocks)).toContain('Senior SDE');
  });

  it('shows sessions, scores per LP and the most frequent flags', async () => {
    const empty = await h.send(slashCommand('stats', h.slack.responseUrl()));
    expect(json(empty)).toContain('No practice yet');
    await h.send(slashCommand('practice dive-deep', h.slack.responseUrl()));
    await h.send(
      eventEnvelope(
        dmReply('I think we kind of fixed it and things got better.', '1700000100.000001', '1700000000.000001'),
      ),
    );
    const stats = json(await h.send(slashCommand('stats', h.slack.responseUrl())));
    expect(stats).toContain('1 session ·');
    expect(stats).toContain('Dive Deep');
    expect(stats).toContain('Hedging in 1 answer');
  });
});

describe('/star learn', () => {
  it('walks through a scenario with Next and Back', async () => {
    const ack = (await h.send(slashCommand('learn ownership', h.slack.responseUrl()))) as {
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
    };
    expect(json(ack)).toContain('Walkthrough · Ownership');
    expect(json(ack)).toContain('page 1 of 8');
    const next = ack.blocks
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === ACTION_IDS.learnNext);
    expect(next?.value).toMatch(/:1$/);
    await h.send(buttonClick(ACTION_IDS.learnNext, next?.value ?? '', h.slack.responseUrl('learn')));
    const page2 = h.slack.responses.at(-1);
    expect(page2?.body.replace_original).toBe(true);
    expect(json(page2?.body.blocks)).toContain('S · Situation');
    expect(json(page2?.body.blocks)).toContain('Common mistake');
    const last = (next?.value ?? '').replace(/:1$/, ':7');
    await h.send(buttonClick(ACTION_IDS.learnNext, last, h.slack.responseUrl('learn')));
    expect(json(h.slack.responses.at(-1)?.body.blocks)).toContain('By level');
    // The last page ends with the same question to practise.
    const scenarioId = (next?.value ?? '').split(':')[0];
    expect(json(h.slack.responses.at(-1)?.body.blocks)).toContain(ACTION_IDS.learnPractise);
    await h.send(buttonClick(ACTION_IDS.learnPractise, scenarioId, h.slack.responseUrl('learn')));
    const question = h.services.learning.scenario(scenarioId)?.question ?? '';
    expect(String(h.slack.callsTo('chat.postMessage').at(-1)?.args.text)).toContain(question);
    const weak = (next?.value ?? '').replace(/:1$/, ':6');
    await h.send(buttonClick(ACTION_IDS.learnNext, weak, h.slack.responseUrl('learn')));
    expect(json(h.slack.responses.at(-1)?.body.blocks)).toContain('The bar raiser thinks');
  });
});

describe('/star quiz', () => {
  it('checks a choice, explains it, records the attempt and offers another', async () => {
    const ack = (await h.send(slashCommand('quiz earn-trust', h.slack.responseUrl()))) as {
      blocks: { type: string; elements?: { value: string; action_id: string }[] }[];
    };
    const buttons = ack.blocks.find((b) => b.type === 'actions')?.elements ?? [];
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    const [scenarioId, quizIndex] = buttons[0].value.split(':');
    const scenario = h.services.learning.scenario(scenarioId);
    const correct = scenario?.quiz[Number(quizIndex)].correct ?? 0;
    const wrong = correct === 0 ? 1 : 0;
    await h.send(buttonClick(buttons[wrong].action_id, buttons[wrong].value, h.slack.responseUrl('quiz')));
    expect(json(h.slack.responses.at(-1)?.body)).toContain('Not quite');
    await h.send(buttonClick(buttons[correct].action_id, buttons[correct].value, h.slack.responseUrl('quiz')));
    const result = h.slack.responses.at(-1)?.body;
    expect(json(result)).toContain('Right');
    expect(json(result)).toContain(JSON.stringify(scenario?.quiz[Number(quizIndex)].explanation).slice(1, 40));
    expect(await h.repos.quiz.totals(TEAM, USER)).toEqual({ attempts: 2, correct: 1 });
    await h.send(buttonClick(ACTION_IDS.quizNext, 'earn-trust', h.slack.responseUrl('quiz')));
    expect(json(h.slack.responses.at(-1)?.body)).toContain('Quiz · Earn Trust');
  });

  it('shows the story first when a question depends on it', () => {
    const scenario = shippedLibrary().scenarios.find((s) => s.quiz.some((q) => q.context));
    const index = scenario?.quiz.findIndex((q) => q.context) ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    if (!scenario) return;
    const text = json(quizMessage(scenario, index, 'any').blocks);
    expect(text).toContain('The story:');
    expect(text.indexOf('The story:')).toBeLessThan(
      text.indexOf(JSON.stringify(scenario.quiz[index].question).slice(1, 30)),
    );
  });

  it('says so when a button points at a question that no longer exists', async () => {
    await h.send(buttonClick('star_quiz_choice_1', 'gone:0:1:any', h.slack.responseUrl('quiz')));
    expect(json(h.slack.responses.at(-1)?.body)).toContain('no longer available');
  });
});
