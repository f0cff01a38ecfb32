// The content error on its own, so that the CLI can recognise it without loading the YAML and
// schema code that produce it (start-up time of every command).

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** Raised when any content file is broken; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly code = 'content_invalid';
  constructor(readonly problems: ContentProblem[]) {
    super(`${problems.length} problem(s) in scenario content:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function formatProblem(problem: ContentProblem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}
