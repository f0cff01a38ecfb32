// The one logger: the app, Bolt, its receiver and the Web API client all write through it, as text
// lines (default) or as JSON lines for a log collector (LOG_FORMAT=json), filtered by LOG_LEVEL.
import { type Clock, systemClock } from './clock.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** What code that logs needs (services take this, so tests can pass a quiet or recording one). */
export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** The process logger: a Logger whose level can change (Bolt sets it) and which can be named per component. */
export interface AppLogger extends Logger {
  readonly level: LogLevelName;
  setLevel(level: LogLevelName): void;
  /** The same sink and level, with `name` on every line ("bolt", "web-api"…). */
  named(name: string): AppLogger;
}

export interface LoggerOptions {
  level: LogLevelName;
  format: LogFormat;
  clock?: Clock;
  /** Where lines go; standard output (debug, info) and standard error (warn, error) by default. */
  write?: (level: LogLevelName, line: string) => void;
}

const ORDER: Record<LogLevelName, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function defaultWrite(level: LogLevelName, line: string): void {
  (ORDER[level] >= ORDER.warn ? process.stderr : process.stdout).write(`${line}\n`);
}

/** An error as JSON: message, code and stack (and its cause), which JSON.stringify would drop. */
function errorFields(err: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { name: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) fields.code = code;
  if (err.stack) fields.stack = err.stack;
  if (err.cause instanceof Error) fields.cause = errorFields(err.cause);
  return fields;
}

function textOf(arg: unknown): string {
  if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`;
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg);
  } catch {
    return String(arg);
  }
}

export function createLogger(options: LoggerOptions): AppLogger {
  const state = { level: options.level };
  const clock = options.clock ?? systemClock;
  const write = options.write ?? defaultWrite;
  const make = (name: string | undefined): AppLogger => {
    const log =
      (level: LogLevelName) =>
      (...args: unknown[]): void => {
        if (ORDER[level] < ORDER[state.level]) return;
        if (options.format === 'json') {
          const errors = args.filter((a): a is Error => a instanceof Error);
          const line: Record<string, unknown> = { time: clock.now().toISOString(), level };
          if (name) line.name = name;
          line.msg = args
            .filter((a) => !(a instanceof Error))
            .map(textOf)
            .join(' ');
          if (errors.length > 0) line.err = errorFields(errors[0]);
          write(level, JSON.stringify(line));
        } else {
          write(level, `[${level.toUpperCase()}] ${name ? `${name}: ` : ''}${args.map(textOf).join(' ')}`);
        }
      };
    return {
      get level() {
        return state.level;
      },
      setLevel: (level) => {
        state.level = level;
      },
      named: (child) => make(child),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
    };
  };
  return make(undefined);
}
