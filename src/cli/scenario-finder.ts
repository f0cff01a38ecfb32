// Scenario look-up by id for the CLI commands (it reads the whole library on first use).
import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import type { Scenario } from '../core/scenario.js';
import { didYouMean, UsageError } from './args.js';

/** A scenario by id, any case; a miss names the nearest id. */
export function findScenario(scenarios: readonly Scenario[], id: string): Scenario {
  const scenario = scenarios.find((s) => s.id === id.toLowerCase());
  if (scenario) return scenario;
  const near = didYouMean(
    id,
    scenarios.map((s) => s.id),
  );
  throw new UsageError(`unknown scenario "${id}"${near ? `; did you mean ${near}?` : ''} See: star scenarios list`);
}

/** Finds scenarios by id, loading the library only when a command first asks for one. */
export function scenarioFinder(dir = DEFAULT_SCENARIOS_DIR): (id: string) => Scenario {
  let scenarios: Scenario[] | undefined;
  return (id) => {
    scenarios ??= loadLibrary(dir).scenarios;
    return findScenario(scenarios, id);
  };
}
