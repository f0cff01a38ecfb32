import { LEADERSHIP_PRINCIPLES, type LpId } from '../lp.js';
import type { QuestionBank, Scenario } from '../scenario.js';
import { INDUSTRIES, NARRATORS, REQUIRED_ROLES, ROLES } from '../scenario-vocabulary.js';
import type { Finding } from './types.js';

/** What the library promises about variety. */
export const COVERAGE = {
  minScenariosPerLp: 4,
  /** Among an LP's scenarios: this many different roles, industries and narrator levels. */
  minRolesPerLp: 3,
  minIndustriesPerLp: 3,
  minNarratorsPerLp: 2,
  minBankQuestionsPerLp: 8,
  /** No industry holds more than this share of the library. */
  maxIndustryShare: 0.2,
  /** Every required role appears at least this often, and no role holds more than the share. */
  minScenariosPerRole: 2,
  maxRoleShare: 0.25,
  /** Each narrator at least this share of the library. */
  minNarratorShare: { sde1: 0.15, sde2: 0.15, senior: 0.15, manager: 0.05 },
} as const;

const NOT_SET = 'not set';

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const roleOf = (s: Scenario) => s.role ?? NOT_SET;
const industryOf = (s: Scenario) => s.industry ?? NOT_SET;
const narratorOf = (s: Scenario) => s.narrator ?? NOT_SET;

/** One LP's variety: enough scenarios, roles, industries, narrators and bank questions; metadata set. */
export function checkLpCoverage(lp: LpId, scenarios: readonly Scenario[], bank: QuestionBank | undefined): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string, extra: Partial<Finding> = {}) =>
    findings.push({ check: 'coverage', lp, field: '', message, ...extra });
  for (const s of scenarios)
    for (const key of ['role', 'industry', 'narrator'] as const)
      if (!s[key]) add(`${key} is not set`, { scenarioId: s.id, field: key });
  if (scenarios.length < COVERAGE.minScenariosPerLp)
    add(`${scenarios.length} scenarios (at least ${COVERAGE.minScenariosPerLp})`);
  const distinct = (key: (s: Scenario) => string) => new Set(scenarios.map(key).filter((v) => v !== NOT_SET)).size;
  if (distinct(roleOf) < COVERAGE.minRolesPerLp)
    add(`${distinct(roleOf)} different roles among its scenarios (at least ${COVERAGE.minRolesPerLp})`);
  if (distinct(industryOf) < COVERAGE.minIndustriesPerLp)
    add(`${distinct(industryOf)} different industries among its scenarios (at least ${COVERAGE.minIndustriesPerLp})`);
  if (distinct(narratorOf) < COVERAGE.minNarratorsPerLp)
    add(`${distinct(narratorOf)} narrator level(s) among its scenarios (at least ${COVERAGE.minNarratorsPerLp})`);
  const questions = bank?.questions.length ?? 0;
  if (questions < COVERAGE.minBankQuestionsPerLp)
    add(`${questions} bank questions (at least ${COVERAGE.minBankQuestionsPerLp})`, { bank: true, field: 'questions' });
  return findings;
}

/** The whole library's spread of industries, roles and narrators. */
export function checkLibraryCoverage(scenarios: readonly Scenario[]): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ check: 'coverage', lp: null, field: '', message });
  const total = scenarios.length;
  if (total === 0) return findings;
  for (const [industry, n] of countBy(scenarios, industryOf))
    if (industry !== NOT_SET && n > COVERAGE.maxIndustryShare * total)
      add(
        `${n} of ${total} scenarios (${percent(n, total)}) are in ${industry} (at most ${percent(COVERAGE.maxIndustryShare, 1)})`,
      );
  const roles = countBy(scenarios, roleOf);
  for (const role of REQUIRED_ROLES)
    if ((roles.get(role) ?? 0) < COVERAGE.minScenariosPerRole)
      add(`${roles.get(role) ?? 0} scenarios narrated by a ${role} (at least ${COVERAGE.minScenariosPerRole})`);
  for (const [role, n] of roles)
    if (role !== NOT_SET && n > COVERAGE.maxRoleShare * total)
      add(
        `${n} of ${total} scenarios (${percent(n, total)}) have the role ${role} (at most ${percent(COVERAGE.maxRoleShare, 1)})`,
      );
  const narrators = countBy(scenarios, narratorOf);
  for (const narrator of NARRATORS) {
    const n = narrators.get(narrator) ?? 0;
    if (n < COVERAGE.minNarratorShare[narrator] * total)
      add(
        `${n} of ${total} scenarios narrated at ${narrator} (at least ${percent(COVERAGE.minNarratorShare[narrator], 1)})`,
      );
  }
  return findings;
}

function percent(n: number, of: number): string {
  return `${Math.round((100 * n) / of)}%`;
}

function cell(counts: Map<string, number>, order: readonly string[]): string {
  const known = order.filter((k) => counts.has(k)).map((k) => `${k} ${counts.get(k)}`);
  const unset = counts.get(NOT_SET);
  return [...known, ...(unset ? [`${NOT_SET} ${unset}`] : [])].join(', ') || '–';
}

/**
 * The coverage table scenarios/README.md shows: per LP its scenarios by role, industry and
 * narrator, then the whole library by industry, role and narrator. Markdown, one row a line.
 */
export function coverageTable(scenarios: readonly Scenario[], banks: readonly QuestionBank[]): string[] {
  const lines = ['| LP | scenarios | roles | industries | narrators | follow-ups |', '|---|---|---|---|---|---|'];
  for (const lp of LEADERSHIP_PRINCIPLES) {
    const own = scenarios.filter((s) => s.lp === lp.id);
    const followUps = banks.filter((b) => b.lp === lp.id).reduce((n, b) => n + b.followUps.length, 0);
    lines.push(
      `| ${lp.name} | ${own.length} | ${cell(countBy(own, roleOf), ROLES)} | ${cell(countBy(own, industryOf), INDUSTRIES)} | ${cell(countBy(own, narratorOf), NARRATORS)} | ${followUps} |`,
    );
  }
  const total = scenarios.length;
  const share = (counts: Map<string, number>, order: readonly string[]) =>
    [...order, NOT_SET]
      .filter((k) => counts.has(k))
      .map((k) => `${k} ${counts.get(k)} (${percent(counts.get(k) ?? 0, total)})`)
      .join(', ') || '–';
  lines.push(
    '',
    '| whole library | |',
    '|---|---|',
    `| scenarios | ${total} |`,
    `| by industry | ${share(countBy(scenarios, industryOf), INDUSTRIES)} |`,
    `| by role | ${share(countBy(scenarios, roleOf), ROLES)} |`,
    `| by narrator | ${share(countBy(scenarios, narratorOf), NARRATORS)} |`,
  );
  return lines;
}
