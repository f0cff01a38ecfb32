import { fileURLToPath } from 'node:url';

/** The shipped content folder, found from this file so the CLI works from any working directory. */
export const DEFAULT_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));
