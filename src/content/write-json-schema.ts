// `npm run schema`: regenerates scenarios/*.schema.json after a change to src/core/scenario.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentJsonSchemas, renderJsonSchema } from './json-schema.js';
import { DEFAULT_SCENARIOS_DIR } from './paths.js';

for (const [name, schema] of Object.entries(contentJsonSchemas())) {
  const file = path.join(DEFAULT_SCENARIOS_DIR, name);
  writeFileSync(file, renderJsonSchema(schema));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
