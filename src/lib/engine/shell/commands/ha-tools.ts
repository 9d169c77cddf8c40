/**
 * Small GNU tools the HA and rollback guides need: `sed` (the `s` command, in place with -i). Edits to static Pod manifests go through typed file commands, so the kubelet "sees" them.
 */
import type { CommandModule } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';
import { compileUserRegex, RegexError, type UserRegex } from '../regex.ts';

interface Substitution {
  readonly pattern: string;
  readonly replacement: string;
  readonly global: boolean;
  readonly ignoreCase: boolean;
}

/** Parses `s<d>pattern<d>replacement<d>[g][I]`. */
function parseSubstitution(script: string): Substitution | null {
  if (!script.startsWith('s') || script.length < 4) return null;
  const d = script[1] ?? '/';
  const parts: string[] = [''];
  for (let i = 2; i < script.length; i++) {
    const ch = script[i] ?? '';
    if (ch === '\\' && script[i + 1] === d) {
      parts[parts.length - 1] += d;
      i++;
    } else if (ch === '\\' && i + 1 < script.length) {
      // Other escapes stay for the regex translator (or the replacement expander).
      parts[parts.length - 1] += ch + (script[i + 1] ?? '');
      i++;
    } else if (ch === d) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  if (parts.length !== 3) return null;
  const [pattern = '', replacement = '', flags = ''] = parts;
  if (!/^(?:g|I|gI|Ig)?$/.test(flags)) return null;
  return { pattern, replacement, global: flags.includes('g'), ignoreCase: flags.includes('I') };
}

/** Expands a sed replacement for one match: `&`, `\\1`…`\\9`, `\\n`, escaped characters. */
function expand(
  replacement: string,
  match: string,
  groups: readonly (string | undefined)[],
): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i] ?? '';
    if (ch === '&') out += match;
    else if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i] ?? '';
      out += next === 'n' ? '\n' : /[1-9]/.test(next) ? (groups[Number(next) - 1] ?? '') : next;
    } else out += ch;
  }
  return out;
}

function substitute(text: string, re: UserRegex, s: Substitution): string {
  // sed works line by line: without g only the first match on each line changes.
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let at = 0;
      for (const m of re.matches(line, s.global)) {
        out +=
          line.slice(at, m.start) + expand(s.replacement, line.slice(m.start, m.end), m.groups);
        at = m.end;
      }
      return out + line.slice(at);
    })
    .join('\n');
}

export const sed: CommandModule = {
  name: 'sed',
  summary: 'stream editor (s/regexp/replacement/[g], -i)',
  async run(inv) {
    const inPlace = inv.args.includes('-i');
    const extended = inv.args.includes('-E') || inv.args.includes('-r');
    const rest = inv.args.filter((a) => !['-i', '-e', '-E', '-r'].includes(a));
    const [script, ...files] = rest;
    if (script === undefined) {
      inv.io.err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...');
      return 1;
    }
    const s = parseSubstitution(script);
    if (!s) {
      inv.io.err(
        `sed: -e expression #1, char ${script.length}: unknown command: \`${script[0] ?? ''}'`,
      );
      return 1;
    }
    let re: UserRegex;
    try {
      re = await compileUserRegex(s.pattern, { extended, ignoreCase: s.ignoreCase });
    } catch (error) {
      if (!(error instanceof RegexError)) throw error;
      inv.io.err(`sed: -e expression #1, char ${script.length}: ${error.message}`);
      return 1;
    }
    if (files.length === 0) {
      if (inv.stdin === null) return 0;
      inv.io.out(substitute(inv.stdin.replace(/\n$/, ''), re, s));
      return 0;
    }
    for (const f of files) {
      const path = absolutePath(inv, f);
      const content = findMachine(inv.ctx.state, inv.machine)?.files[path];
      if (content === undefined) {
        inv.io.err(`sed: can't read ${f}: No such file or directory`);
        return 2;
      }
      const next = substitute(content, re, s);
      if (!inPlace) inv.io.out(next.replace(/\n$/, ''));
      else if (next !== content) {
        const t = inv.apply({ type: 'file.write', machine: inv.machine, path, content: next });
        if (!t.ok) return t.error.exitCode;
      }
    }
    return 0;
  },
};
