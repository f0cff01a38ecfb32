import type { KnownBlock } from '@slack/types';

// Block Kit's published limits. Builders shorten text to fit rather than let Slack reject a message.
export const MAX_BLOCKS_PER_MESSAGE = 50;
export const MAX_SECTION_TEXT = 3000;
export const MAX_HEADER_TEXT = 150;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_CONTEXT_ELEMENT_TEXT = 3000;
/** chat.postMessage's top-level text (the notification fallback) is cut well before Slack's 40k. */
export const MAX_FALLBACK_TEXT = 3000;

/** Shortens text to at most `max` characters at a word boundary, ending with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1; // for the ellipsis
  const cut = text.slice(0, room + 1);
  const lastSpace = cut.search(/\s\S*$/);
  // A single "word" longer than the room (a URL, a run of letters) can only be cut inside.
  const end = lastSpace > room * 0.5 ? lastSpace : room;
  return `${text.slice(0, end).trimEnd()}…`;
}

export function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateAtWord(text, MAX_SECTION_TEXT) } };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncateAtWord(text, MAX_HEADER_TEXT), emoji: true } };
}

export function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateAtWord(text, MAX_CONTEXT_ELEMENT_TEXT) }] };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger') {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: truncateAtWord(text, MAX_BUTTON_TEXT), emoji: true },
    action_id: actionId,
    value: value.slice(0, MAX_BUTTON_VALUE),
    ...(style ? { style } : {}),
  };
}

/**
 * Escapes the three characters Slack treats as markup in mrkdwn text. Text from Slack arrives with
 * them escaped already, so an entity that is there (`&amp;`, `&lt;`, `&gt;`) is kept as it is
 * rather than escaped again into `&amp;lt;`.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A message body that is always within Slack's limits. */
export interface MessageBody {
  text: string;
  blocks: KnownBlock[];
}

/** A reply to a slash command or button that only its user sees. */
export interface CommandReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

/** A message body as an ephemeral reply to a slash command or button (only the user sees it). */
export function ephemeral(body: MessageBody): CommandReply & { blocks: KnownBlock[] } {
  return { response_type: 'ephemeral', text: body.text, blocks: body.blocks };
}

/** A one-line ephemeral reply. */
export function say(text: string): CommandReply {
  return { response_type: 'ephemeral', text };
}

export function message(text: string, blocks: KnownBlock[]): MessageBody {
  const fitted =
    blocks.length > MAX_BLOCKS_PER_MESSAGE
      ? [...blocks.slice(0, MAX_BLOCKS_PER_MESSAGE - 1), context('…shortened to fit in one message.')]
      : blocks;
  return { text: truncateAtWord(text, MAX_FALLBACK_TEXT), blocks: fitted };
}
