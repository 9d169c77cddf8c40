/**
 * File utilities over the machine's simulated filesystem: ls, cat, mkdir, cp, rm, chown, chmod,
 * and the pipe filters head, tail (grep: grep.ts).
 */
import { EngineError, isDirectory, type Machine } from '../../src/index.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';

function machineOf(inv: Invocation): Machine | undefined {
  return findMachine(inv.ctx.state, inv.machine);
}

function children(m: Machine, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const names = new Set<string>();
  for (const p of [...Object.keys(m.files), ...m.dirs]) {
    if (p.startsWith(prefix) && p !== dir) {
      const name = p.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

/** Size `ls -l` shows: the bytes a reader would get from `cat` (certificate references resolved). */
async function shownSize(inv: Invocation, content: string): Promise<number> {
  if (!content.includes('@pki:')) return content.length;
  return (await inv.ctx.materialize(inv.ctx.state, inv.machine, content)).length;
}

export const ls: CommandModule = {
  name: 'ls',
  summary: 'list directory contents',
  run: async (inv) => {
    const m = machineOf(inv);
    if (!m) return 1;
    const opts = inv.args.filter((a) => a.startsWith('-')).join('');
    const all = opts.includes('a') || opts.includes('A');
    const long = opts.includes('l');
    // -d lists a directory itself, not its contents.
    const dirOnly = opts.includes('d');
    const paths = inv.args.filter((a) => !a.startsWith('-'));
    let code = 0;
    const targets = paths.length > 0 ? paths : ['.'];
    for (const [i, p] of targets.entries()) {
      const path = absolutePath(inv, p);
      if (m.files[path] !== undefined) {
        inv.io.out(
          long
            ? `-rw------- 1 root root ${await shownSize(inv, m.files[path] ?? '')} Nov 25 09:00 ${p}`
            : p,
        );
        continue;
      }
      if (!isDirectory(m, path)) {
        inv.io.err(`ls: cannot access '${p}': No such file or directory`);
        code = 2;
        continue;
      }
      if (dirOnly) {
        inv.io.out(long ? `drwxr-xr-x 2 root root 4096 Nov 25 09:00 ${p}` : p);
        continue;
      }
      if (targets.length > 1) inv.io.out(`${i > 0 ? '\n' : ''}${p}:`);
      const names = children(m, path).filter((n) => all || !n.startsWith('.'));
      if (long) {
        inv.io.out(`total ${names.length * 4}`);
        for (const n of names) {
          const full = `${path === '/' ? '' : path}/${n}`;
          const file = m.files[full];
          inv.io.out(
            file !== undefined
              ? `-rw------- 1 root root ${String(await shownSize(inv, file)).padStart(5)} Nov 25 09:00 ${n}`
              : `drwxr-xr-x 2 root root  4096 Nov 25 09:00 ${n}`,
          );
        }
      } else if (names.length > 0) inv.io.out(names.join('  '));
    }
    return code;
  },
};

export const cat: CommandModule = {
  name: 'cat',
  summary: 'print files',
  run: async (inv) => {
    const m = machineOf(inv);
    if (!m) return 1;
    const paths = inv.args.filter((a) => a !== '-');
    if (paths.length === 0 && inv.stdin !== null) {
      inv.io.out(inv.stdin.replace(/\n$/, ''));
      return 0;
    }
    let code = 0;
    for (const p of paths) {
      const path = absolutePath(inv, p);
      const content = m.files[path];
      if (content === undefined) {
        inv.io.err(
          isDirectory(m, path)
            ? `cat: ${p}: Is a directory`
            : new EngineError('NoSuchFile', { tool: 'cat', prefix: '', path: p }).message,
        );
        code = 1;
        continue;
      }
      const text = await inv.ctx.materialize(inv.ctx.state, inv.machine, content);
      if (text.length > 0) inv.io.out(text.replace(/\n$/, ''));
    }
    return code;
  },
};

export const mkdir: CommandModule = {
  name: 'mkdir',
  summary: 'make directories',
  run: (inv) => {
    const parents = inv.args.includes('-p');
    let code = 0;
    for (const p of inv.args.filter((a) => !a.startsWith('-'))) {
      const t = inv.apply({
        type: 'file.mkdir',
        machine: inv.machine,
        path: absolutePath(inv, p),
        parents,
      });
      if (!t.ok) {
        inv.io.err(t.error.message.replace(absolutePath(inv, p), p));
        code = 1;
      }
    }
    return code;
  },
};

/**
 * The SOURCE… DEST operands of cp/mv, or null after printing coreutils' usage error (the caller
 * exits 1).
 */
function sourceAndDest(inv: Invocation, tool: 'cp' | 'mv'): string[] | null {
  const paths = inv.args.filter((a) => !a.startsWith('-'));
  if (paths.length >= 2) return paths;
  inv.io.err(
    paths.length === 0
      ? `${tool}: missing file operand`
      : `${tool}: missing destination file operand after '${paths[0] ?? ''}'`,
  );
  inv.io.err(`Try '${tool} --help' for more information.`);
  return null;
}

/** Copies one operand of cp/mv to the destination (certificate records go with the file). */
function copyOperand(inv: Invocation, from: string, to: string) {
  return inv.apply({
    type: 'file.copy',
    machine: inv.machine,
    from: absolutePath(inv, from),
    to: absolutePath(inv, to),
  });
}

/**
 * `-i` of cp and mv (the last of -i, -f, -n counts): an existing destination is overwritten only
 * when the answer read from stdin starts with y or Y (coreutils `yesno`, rpmatch in the C locale).
 * A declined overwrite makes the command exit 1, as coreutils has since the -i/-n rework (checked
 * with coreutils 9.7; 9.1 exited 0); prompts, like kubeadm's, end with a newline here.
 */
function declined(
  inv: Invocation,
  tool: 'cp' | 'mv',
  from: string,
  to: string,
  answers: string[],
): boolean {
  const mode = inv.args
    .filter((a) => /^-[a-zA-Z]+$/.test(a))
    .join('')
    .replace(/[^ifn]/g, '')
    .slice(-1);
  if (mode !== 'i') return false;
  const m = findMachine(inv.ctx.state, inv.machine);
  const dest = absolutePath(inv, to);
  const isDir = m !== undefined && isDirectory(m, dest);
  const target = isDir ? `${dest.replace(/\/$/, '')}/${from.split('/').pop() ?? from}` : dest;
  if (m?.files[target] === undefined) return false;
  const shown = isDir ? `${to.replace(/\/$/, '')}/${from.split('/').pop() ?? from}` : to;
  inv.io.err(`${tool}: overwrite '${shown}'? `);
  return !/^[yY]/.test(answers.shift() ?? '');
}

/** Lines of stdin, for the answers to -i prompts. */
function answersOf(inv: Invocation): string[] {
  return (inv.stdin ?? '').split('\n');
}

export const cp: CommandModule = {
  name: 'cp',
  summary: 'copy files',
  run: (inv) => {
    const paths = sourceAndDest(inv, 'cp');
    if (!paths) return 1;
    const to = paths[paths.length - 1] ?? '';
    const answers = answersOf(inv);
    let code = 0;
    for (const from of paths.slice(0, -1)) {
      if (declined(inv, 'cp', from, to, answers)) {
        code = 1;
        continue;
      }
      const t = copyOperand(inv, from, to);
      if (!t.ok) {
        inv.io.err(
          t.error.message
            .replace(`'${absolutePath(inv, from)}'`, `'${from}'`)
            .replace(`'${absolutePath(inv, to)}'`, `'${to}'`),
        );
        code = 1;
      }
    }
    return code;
  },
};

/** `mv SRC… DST` (copy + remove; certificate records move with the file). */
export const mv: CommandModule = {
  name: 'mv',
  summary: 'move (rename) files',
  run(inv) {
    const paths = sourceAndDest(inv, 'mv');
    if (!paths) return 1;
    const to = paths[paths.length - 1] ?? '';
    const answers = answersOf(inv);
    let code = 0;
    for (const from of paths.slice(0, -1)) {
      if (declined(inv, 'mv', from, to, answers)) {
        code = 1;
        continue;
      }
      if (!copyOperand(inv, from, to).ok) {
        inv.io.err(`mv: cannot stat '${from}': No such file or directory`);
        return 1;
      }
      inv.apply({
        type: 'file.remove',
        machine: inv.machine,
        path: absolutePath(inv, from),
        recursive: true,
      });
    }
    return code;
  },
};

export const rm: CommandModule = {
  name: 'rm',
  summary: 'remove files or directories',
  run: (inv) => {
    const flags = inv.args.filter((a) => a.startsWith('-')).join('');
    const recursive = /[rR]/.test(flags);
    const force = flags.includes('f');
    let code = 0;
    for (const p of inv.args.filter((a) => !a.startsWith('-'))) {
      const t = inv.apply({
        type: 'file.remove',
        machine: inv.machine,
        path: absolutePath(inv, p),
        recursive,
      });
      if (!t.ok && !(force && t.error.code === 'NoSuchFile')) {
        inv.io.err(t.error.message.replace(absolutePath(inv, p), p));
        code = 1;
      }
    }
    return code;
  },
};

function exists(inv: Invocation, p: string): boolean {
  const m = machineOf(inv);
  return (
    m !== undefined &&
    (m.files[absolutePath(inv, p)] !== undefined || isDirectory(m, absolutePath(inv, p)))
  );
}

export const chown: CommandModule = {
  name: 'chown',
  summary: 'change file owner and group (everything belongs to root here)',
  run: (inv) => {
    const [, ...paths] = inv.args.filter((a) => !a.startsWith('-'));
    for (const p of paths) {
      if (!exists(inv, p)) {
        inv.io.err(`chown: cannot access '${p}': No such file or directory`);
        return 1;
      }
    }
    return 0;
  },
};

export const chmod: CommandModule = {
  name: 'chmod',
  summary: 'change file mode bits',
  run: (inv) => {
    const [, ...paths] = inv.args.filter((a) => !a.startsWith('-'));
    for (const p of paths) {
      if (!exists(inv, p)) {
        inv.io.err(`chmod: cannot access '${p}': No such file or directory`);
        return 1;
      }
    }
    return 0;
  },
};

/**
 * The line count of `head`/`tail` (`-n N`, `-nN`, `--lines=N`, `-N`; default 10), parsed once as
 * GNU coreutils does (xdectoumax): a count that is not a number, or does not fit in 64 bits, is
 * an error. `head -n -N` (all but the last N) and `tail -n +N` (from line N) keep their sign.
 */
function lineCount(
  tool: 'head' | 'tail',
  args: readonly string[],
): { sign: '' | '-' | '+'; n: number } | { error: string } {
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n') raw = args[++i] ?? '';
    else if (a.startsWith('--lines=')) raw = a.slice(8);
    else if (a.startsWith('-n')) raw = a.slice(2);
    else if (/^-\d+$/.test(a)) raw = a.slice(1);
  }
  if (raw === undefined) return { sign: '', n: 10 };
  const m = /^([-+]?)(\d+)$/.exec(raw);
  if (!m || (tool === 'head' && m[1] === '+'))
    return { error: `${tool}: invalid number of lines: ‘${raw}’` };
  const digits = m[2] ?? '';
  if (BigInt(digits) > 18446744073709551615n)
    return {
      error: `${tool}: invalid number of lines: ‘${raw}’: Value too large for defined data type`,
    };
  return { sign: (m[1] ?? '') as '' | '-' | '+', n: Number(digits) };
}

/**
 * `head`/`tail` over piped input: parses the count once, then prints the lines `pick` keeps
 * (from the input's lines and the signed count).
 */
function lineFilter(
  tool: 'head' | 'tail',
  summary: string,
  pick: (lines: string[], count: { sign: '' | '-' | '+'; n: number }) => string[],
): CommandModule {
  return {
    name: tool,
    summary,
    run: (inv) => {
      const count = lineCount(tool, inv.args);
      if ('error' in count) {
        inv.io.err(count.error);
        return 1;
      }
      const lines = (inv.stdin ?? '').split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const l of pick(lines, count)) inv.io.out(l);
      return 0;
    },
  };
}

export const head = lineFilter('head', 'output the first lines of piped input', (lines, c) =>
  lines.slice(0, c.sign === '-' ? Math.max(0, lines.length - c.n) : c.n),
);

export const tail = lineFilter('tail', 'output the last lines of piped input', (lines, c) =>
  lines.slice(c.sign === '+' ? Math.max(0, c.n - 1) : Math.max(0, lines.length - c.n)),
);
