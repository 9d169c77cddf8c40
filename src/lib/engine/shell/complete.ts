/**
 * Tab completion, as bash with the tools' completion scripts offers it: command names, then a
 * command's subcommands and flags from its registry entry (`completion`, built from the same flag
 * tables it parses), resource types from the store catalog and object names from the store for
 * kubectl, and file paths on the current machine otherwise. Pure: it reads the session's context
 * and changes nothing. The browser terminal asks through the protocol (`complete`); the CLI REPL
 * calls it through its session.
 */
import {
  catalogFor,
  findMachine,
  isEngineError,
  listObjects,
  normalizePath,
  servingMinor,
  type ClusterState,
} from '../src/index.ts';
import { builtins } from './bash/builtins.ts';
import type { FlagSpec } from './flags.ts';
import { registry } from './registry.ts';
import type { CompletionSpec, ShellContext } from './types.ts';

/** What completes the word before the cursor. */
export interface Completion {
  /** Offset in the line where the word being completed starts. */
  readonly start: number;
  /** Whole words that may replace it, sorted; a directory ends with `/`. */
  readonly candidates: readonly string[];
}

/** Where the current simple command starts: after the last `|`, `;`, `&`, `(` or `$(`. */
const SEPARATOR = /.*(?:\|\||&&|[|;&(])/s;

/** Flags whose value names a namespace (completed from the store). */
const NAMESPACE_FLAGS = new Set(['namespace']);

function matching(words: Iterable<string>, prefix: string): string[] {
  return [...new Set([...words].filter((w) => w.startsWith(prefix)))].sort();
}

/** Names of objects of `resource` (in `namespace`, all when null); none for an unknown type. */
function objectNames(state: ClusterState, resource: string, namespace: string | null): string[] {
  try {
    return listObjects(state, resource, namespace).map((o) => o.metadata.name);
  } catch (error) {
    if (isEngineError(error)) return [];
    throw error;
  }
}

/** Resource types the cluster serves, by plural name (as kubectl's completion lists them). */
function resourceTypes(state: ClusterState): string[] {
  return catalogFor(servingMinor(state))
    .filter((r) => r.modelled !== false)
    .map((r) => r.plural);
}

/** Files and directories on the current machine that complete `word`. */
function paths(ctx: ShellContext, cwd: string, word: string): string[] {
  const machine = findMachine(ctx.state, ctx.machineStack.at(-1) ?? 'cp-1');
  if (!machine) return [];
  const home = ctx.env['HOME'] ?? '/root';
  const slash = word.lastIndexOf('/');
  const typedDir = slash < 0 ? '' : word.slice(0, slash + 1);
  const base = word.slice(slash + 1);
  const expanded = typedDir.startsWith('~/') ? `${home}/${typedDir.slice(2)}` : typedDir;
  const dir = normalizePath(expanded.startsWith('/') ? expanded : `${cwd}/${expanded}`);
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const found = new Map<string, boolean>();
  const note = (path: string, directory: boolean): void => {
    if (!path.startsWith(prefix) || path === dir) return;
    const [name = '', ...rest] = path.slice(prefix.length).split('/');
    if (name === '' || !name.startsWith(base)) return;
    // Hidden entries only when the reader typed the dot, as bash.
    if (name.startsWith('.') && !base.startsWith('.')) return;
    found.set(name, (found.get(name) ?? false) || directory || rest.length > 0);
  };
  for (const path of Object.keys(machine.files)) note(path, false);
  for (const path of machine.dirs) note(path, true);
  return [...found].map(([name, directory]) => `${typedDir}${name}${directory ? '/' : ''}`).sort();
}

function flagNames(flags: readonly FlagSpec[]): string[] {
  return flags.map((f) => `--${f.name}`);
}

/** The flag spec a word such as `-n` or `--namespace` names (undefined for `--x=v` or unknown). */
function flagOf(word: string, flags: readonly FlagSpec[]): FlagSpec | undefined {
  if (word.includes('=')) return undefined;
  return word.startsWith('--')
    ? flags.find((f) => f.name === word.slice(2))
    : flags.find((f) => f.short !== undefined && f.short === word.slice(1));
}

/** Names of commands runnable on the current machine, and the shell's builtins. */
function commandNames(ctx: ShellContext): string[] {
  const machine = findMachine(ctx.state, ctx.machineStack.at(-1) ?? 'cp-1');
  const runnable = [...registry.values()]
    .filter((m) => !m.requiresPackage || machine?.packages[m.requiresPackage])
    .map((m) => m.name);
  return [...runnable, ...builtins.keys()];
}

/**
 * Completions of the word that ends `line` (the text before the cursor) in session context `ctx`,
 * relative paths under the shell's working directory `cwd`. Quotes are not interpreted: words are
 * split at blanks, as typed.
 */
export function complete(line: string, ctx: ShellContext, cwd: string): Completion {
  const command = line.replace(SEPARATOR, '');
  const words = command.trimStart().split(/[ \t]+/);
  const word = words.pop() ?? '';
  const start = line.length - word.length;
  if (words.length === 0) {
    if (word.includes('/')) return { start, candidates: paths(ctx, cwd, word) };
    return { start, candidates: matching(commandNames(ctx), word) };
  }
  const [name = '', ...args] = words;
  let spec: CompletionSpec = registry.get(name)?.completion ?? {};
  const flags: FlagSpec[] = [...(spec.flags ?? [])];
  const positionals: string[] = [];
  let namespace: string | null = 'default';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('-') && arg !== '-') {
      const flag = flagOf(arg, flags);
      if (flag?.name === 'all-namespaces') namespace = null;
      if (arg.startsWith('--namespace=')) namespace = arg.slice('--namespace='.length);
      if (flag && flag.type !== 'bool') {
        const value = args[++i];
        if (flag.name === 'namespace' && value !== undefined) namespace = value;
      }
      continue;
    }
    const sub = positionals.length === 0 ? spec.subcommands?.[arg] : undefined;
    if (sub) {
      spec = sub;
      flags.push(...(sub.flags ?? []));
    } else positionals.push(arg);
  }
  const previous = flagOf(args.at(-1) ?? '', flags);
  if (previous && previous.type !== 'bool') {
    const values = NAMESPACE_FLAGS.has(previous.name)
      ? objectNames(ctx.state, 'namespaces', null)
      : paths(ctx, cwd, word);
    return {
      start,
      candidates: NAMESPACE_FLAGS.has(previous.name) ? matching(values, word) : values,
    };
  }
  if (word.startsWith('-')) return { start, candidates: matching(flagNames(flags), word) };
  if (spec.subcommands && positionals.length === 0)
    return { start, candidates: matching(Object.keys(spec.subcommands), word) };
  if (spec.words) return { start, candidates: matching(spec.words, word) };
  switch (spec.args ?? 'files') {
    case 'none':
      return { start, candidates: [] };
    case 'nodes':
      return { start, candidates: matching(objectNames(ctx.state, 'nodes', null), word) };
    case 'resources': {
      const [type] = positionals;
      if (type === undefined)
        return { start, candidates: matching(resourceTypes(ctx.state), word) };
      return { start, candidates: matching(objectNames(ctx.state, type, namespace), word) };
    }
    default:
      return { start, candidates: paths(ctx, cwd, word) };
  }
}
