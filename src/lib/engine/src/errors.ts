/**
 * The engine's single error catalog. Every failure the engine can report is an entry here, so
 * wording, hints and exit codes live in one place and the shell never invents error text.
 */

/** Parameters passed to a catalog entry's message template. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** One catalog entry: a stable code, a short title, a message template, a hint and an exit code. */
export interface ErrorEntry {
  /** Short human title, e.g. "Invalid version". */
  readonly title: string;
  /** Builds the message the real tool would print, from the error's parameters. */
  readonly message: (params: ErrorParams) => string;
  /** Optional advice for readers of the docs; never printed where the real tool prints none. */
  readonly hint?: string;
  /** Process exit code the CLI and terminal report for this error. */
  readonly exitCode: number;
}

const str = (params: ErrorParams, key: string): string => String(params[key] ?? '');

/** All error codes the engine can raise, with their entries. */
export const errorCatalog = {
  InvalidVersion: {
    title: 'Invalid version',
    // Wording of k8s.io/apimachinery/pkg/util/version (parse): "illegal version string" for a
    // wrong number of dot-separated fields, "could not parse" for anything else.
    message: (p) =>
      p['reason'] === 'components'
        ? `illegal version string "${str(p, 'input')}"`
        : `could not parse "${str(p, 'input')}" as version`,
    hint: 'Kubernetes versions are semantic versions with exactly three numbers: vMAJOR.MINOR.PATCH[-pre][+build].',
    exitCode: 1,
  },
  UnknownCommand: {
    title: 'Unknown command',
    message: (p) => `${str(p, 'command')}: command not found`,
    exitCode: 127,
  },
  UsageError: {
    title: 'Usage error',
    message: (p) => str(p, 'message'),
    exitCode: 1,
  },
  Internal: {
    title: 'Internal error',
    message: (p) => `internal error: ${str(p, 'message')}`,
    exitCode: 1,
  },
} satisfies Record<string, ErrorEntry>;

/** The discriminant of every engine error. */
export type ErrorCode = keyof typeof errorCatalog;

/** The one error class of the engine; `code` selects the catalog entry. */
export class EngineError extends Error {
  /** Stable machine-readable code from {@link errorCatalog}. */
  readonly code: ErrorCode;
  /** Parameters the message was built from. */
  readonly params: ErrorParams;
  /** Exit code a CLI should report. */
  readonly exitCode: number;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    const entry: ErrorEntry = errorCatalog[code];
    super(entry.message(params));
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
    this.exitCode = entry.exitCode;
  }
}

/** Creates an {@link EngineError} for a catalog code. */
export function engineError(code: ErrorCode, params: ErrorParams = {}): EngineError {
  return new EngineError(code, params);
}

/** True when `value` is an {@link EngineError}. */
export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
