/**
 * pflag-style flag parsing from data: `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * boolean flags, repeated/comma-separated string slices and `--` as terminator.
 */
import { EngineError } from '../src/index.ts';

/** Declaration of one flag. */
export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'bool' | 'string' | 'strings';
  readonly usage: string;
  /** Placeholder shown in help, e.g. "string" or "strings". */
  readonly default?: string;
}

/** Parsed flags and the remaining positional arguments. */
export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | readonly string[]>>;
  readonly positionals: readonly string[];
  /** How many positionals came before a `--` (cobra's ArgsLenAtDash); absent without one. */
  readonly dashAt?: number;
}

/** The `-h, --help` flag every cobra command has. */
export const HELP_FLAG: FlagSpec = {
  name: 'help',
  short: 'h',
  type: 'bool',
  usage: 'help for this command',
};

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * A boolean flag's value as Go's strconv.ParseBool reads it (pflag's boolValue.Set).
 * @throws EngineError InvalidFlagValue with pflag's wording
 */
function parseBool(spec: FlagSpec, value: string): boolean {
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new EngineError('InvalidFlagValue', {
    value,
    flag: `--${spec.name}`,
    reason: `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
  });
}

/**
 * Parses `args` against `specs`. Unknown flags fail with pflag's wording.
 * @throws EngineError UnknownFlag | UnknownShorthandFlag | FlagNeedsArgument | InvalidFlagValue
 */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
  interspersed = true,
): ParsedFlags {
  const all = specs.some((s) => s.name === 'help') ? specs : [...specs, HELP_FLAG];
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  let dashAt: number | undefined;
  const set = (spec: FlagSpec, value: string): void => {
    if (spec.type === 'strings') {
      const prev = values[spec.name];
      values[spec.name] = [
        ...(Array.isArray(prev) ? prev : []),
        ...value.split(',').filter((v) => v !== ''),
      ];
    } else if (spec.type === 'bool') {
      values[spec.name] = parseBool(spec, value);
    } else values[spec.name] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      dashAt = positionals.length;
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) throw new EngineError('UnknownFlag', { flag: eq < 0 ? a : a.slice(0, eq) });
      if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else {
        const v = args[i + 1];
        if (v === undefined) throw new EngineError('FlagNeedsArgument', { flag: `--${name}` });
        set(spec, v);
        i++;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j] ?? '';
        const spec = all.find((s) => s.short === letter);
        if (!spec) throw new EngineError('UnknownShorthandFlag', { letter, flag: a });
        if (spec.type === 'bool') {
          set(spec, 'true');
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest) set(spec, rest);
        else {
          const v = args[i + 1];
          if (v === undefined)
            throw new EngineError('FlagNeedsArgument', { flag: `'${letter}' in -${letter}` });
          set(spec, v);
          i++;
        }
        break;
      }
      continue;
    }
    if (!interspersed) {
      positionals.push(...args.slice(i));
      break;
    }
    positionals.push(a);
  }
  return { values, positionals, ...(dashAt !== undefined ? { dashAt } : {}) };
}

/** Reads a string flag. */
export function str(p: ParsedFlags, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a boolean flag. */
export function bool(p: ParsedFlags, name: string): boolean {
  return p.values[name] === true;
}

/** Reads a string-slice flag. */
export function list(p: ParsedFlags, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? [...(v as readonly string[])] : [];
}

/** The "Flags:" section of a cobra help text. */
export function formatFlagHelp(specs: readonly FlagSpec[]): string {
  const rows = [...specs, HELP_FLAG].map((s) => {
    const head = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.type === 'bool' ? '' : ` ${s.default ?? s.type}`}`;
    return { head, usage: s.usage };
  });
  const width = Math.max(...rows.map((r) => r.head.length)) + 3;
  return rows.map((r) => `  ${r.head.padEnd(width)}${r.usage}`).join('\n');
}
