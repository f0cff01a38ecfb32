// Property tests for the text functions every Slack message goes through: the rubric's mrkdwn
// normaliser (offsets must survive any input) and the escaping of text we send (never twice).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseMrkdwn } from '../../src/core/rubric/normalise.js';
import { escapeMrkdwn } from '../../src/messages/blocks.js';

// Text built from the pieces Slack markup is made of, so the generator reaches the interesting cases.
const markupPiece = fc.constantFrom(
  '<@U1234>',
  '<#C1234|general>',
  '<!channel>',
  '<https://example.com|a link>',
  '<mailto:a@b.c>',
  '&amp;',
  '&lt;',
  '&gt;',
  '&',
  '<',
  '>',
  ':dart:',
  ':+1::skin-tone-3:',
  '*bold*',
  '_it_',
  '~x~',
  '`code`',
  '> quote',
  '• ',
  '1. ',
  '\n',
  ' ',
  'I led it',
  '“we”',
  "'",
);
const slackText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.oneof(markupPiece, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('the mrkdwn normaliser, on any text', () => {
  it('keeps the length and every line break where it was, so offsets point into the original', () => {
    fc.assert(
      fc.property(slackText, (text) => {
        const clean = normaliseMrkdwn(text);
        expect(clean).toHaveLength(text.length);
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') expect(clean[i]).toBe('\n');
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no markup character of a mention, a link or an entity behind', () => {
    fc.assert(
      fc.property(fc.array(markupPiece, { maxLength: 40 }), (parts) => {
        const clean = normaliseMrkdwn(parts.filter((p) => p.startsWith('<') && p.endsWith('>')).join(' '));
        expect(clean).not.toMatch(/[<>|]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('escaping text for mrkdwn, on any text', () => {
  it('leaves no bare <, > or & and never escapes twice (Slack sends text escaped already)', () => {
    fc.assert(
      fc.property(slackText, (text) => {
        const once = escapeMrkdwn(text);
        expect(once).not.toMatch(/[<>]/);
        expect(once).not.toMatch(/&(?!(?:amp|lt|gt);)/);
        expect(escapeMrkdwn(once)).toBe(once);
      }),
      { numRuns: 400 },
    );
    expect(escapeMrkdwn('a &lt;b&gt; &amp; c < d & e')).toBe('a &lt;b&gt; &amp; c &lt; d &amp; e');
  });
});
