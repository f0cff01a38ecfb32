/**
 * The base of every error the app raises on purpose: a stable `code` that logs and tests match on,
 * `name` set to the class name, and the underlying error kept as `cause`. Anything thrown that is
 * not a StarError is a bug.
 */
export abstract class StarError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
