import { z } from 'zod';
import { QuestionBankSchema, ScenarioSchema } from '../core/scenario.js';

/** JSON Schemas for editors (YAML language server), generated from the zod schemas. */
export function contentJsonSchemas(): Record<string, unknown> {
  return {
    'scenario.schema.json': z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }),
    'questions.schema.json': z.toJSONSchema(QuestionBankSchema, { io: 'input', unrepresentable: 'any' }),
  };
}

export function renderJsonSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
