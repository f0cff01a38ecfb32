import { type MockActionOutcome, mockActionText } from '../../messages/mocks.js';
import { aside, type ButtonArgs } from './button.js';

/** The button's mock id (its value). */
export const mockIdOf = (args: ButtonArgs) => Number(args.action.value);

/** Tells whoever pressed a mock's button what happened, in a note only they see. */
export async function replyToPress(args: ButtonArgs, outcome: MockActionOutcome): Promise<void> {
  const text = mockActionText(outcome);
  if (text) await args.respond(aside(text));
}
