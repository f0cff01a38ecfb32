import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The one wall that matters: the core decides and the messages render; adapters do I/O. Time and
// randomness come in as arguments. (@slack/types is type definitions only, for Block Kit.)
const FORBIDDEN = [
  /from ['"](?:@slack\/(?!types['"])|drizzle-orm|better-sqlite3|node-cron|node:fs|fs|node:child_process|node:net|node:http)/,
  /process\.env/,
  /new Date\(\)/,
  /Date\.now\(/,
  /Math\.random\(/,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

for (const dir of ['src/core', 'src/messages']) {
  describe(`${dir} stays pure`, () => {
    for (const file of files(dir)) {
      it(file, () => {
        const source = readFileSync(file, 'utf8');
        for (const pattern of FORBIDDEN) expect(source, `${file} matches ${pattern}`).not.toMatch(pattern);
      });
    }
  });
}
