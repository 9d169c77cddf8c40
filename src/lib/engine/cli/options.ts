/**
 * A small long-option parser for the CLI's subcommands (`doctest`, `export`): `--name value`,
 * `--name=value`, repeatable options, flags without a value; everything else is positional.
 */

/** One accepted option. */
export interface OptionSpec {
  readonly name: string;
  /** True when the option takes a value. */
  readonly value?: boolean;
  /** True when the option may be given more than once. */
  readonly repeat?: boolean;
}

/** Parsed options: every value per option name (flags map to ['']), and the positional words. */
export interface ParsedOptions {
  readonly flags: ReadonlyMap<string, readonly string[]>;
  readonly positional: readonly string[];
}

/**
 * Parses `argv` against `specs`.
 * @throws Error for an unknown option, a missing value or a repeated single option
 */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new Error(`unknown option: --${name}`);
    let value = '';
    if (spec.value) {
      const next = eq < 0 ? argv[++i] : word.slice(eq + 1);
      if (next === undefined || (eq < 0 && next.startsWith('--')))
        throw new Error(`option --${name} needs a value`);
      value = next;
    } else if (eq >= 0) throw new Error(`option --${name} takes no value`);
    const seen = flags.get(name) ?? [];
    if (seen.length > 0 && !spec.repeat) throw new Error(`option --${name} is given twice`);
    flags.set(name, [...seen, value]);
  }
  return { flags, positional };
}
