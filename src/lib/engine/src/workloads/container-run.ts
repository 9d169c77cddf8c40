/**
 * What a Job's container does when it runs. The simulator runs no images, so it reads the
 * container's command (`command` + `args`, or the image's default command) and decides, honestly
 * and only for commands it understands, how long the process lives and how it exits:
 *
 * - short commands (`echo`, `printf`, `date`, `true`, `:`, `hostname`, `env`, `printenv`,
 *   `uname`, `pwd`, `whoami`, `id`, `ls`, and `perl -e…`/`-le…`/`-wle…` programs such as the
 *   docs' `print bpi(2000)`) exit 0 at once;
 * - `sleep N` (N in seconds, or with an s/m/h/d suffix) lives N seconds and exits 0;
 * - `false` exits 1, `exit N` exits N (and ends the script);
 * - `sh -c`/`bash -c`/`ash -c` scripts chain those with `;`, `&&`, `||` and newlines;
 * - a container without a command runs its image's default: busybox, alpine, ubuntu and
 *   debian start a shell, which without a terminal reads end-of-input and exits 0;
 * - anything else (`sleep infinity`, loops, servers, unknown programs) is not guessed: the
 *   container keeps running until it is stopped.
 *
 * A process that exits at once is seen as finished one second after it started: the kubelet
 * notices exits when its pod lifecycle event generator relists, every second
 * (pkg/kubelet/pleg/generic.go, relistPeriod). No image pull time is modelled: the container
 * starts when its Pod is bound, as the simulator's other Pods do.
 */
import type { Json } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

/** How a container's process ends: after `seconds`, with `exitCode`. */
export interface ContainerExit {
  readonly seconds: number;
  readonly exitCode: number;
}

const SHORT = new Set([
  'echo',
  'printf',
  'date',
  'true',
  ':',
  'hostname',
  'env',
  'printenv',
  'uname',
  'pwd',
  'whoami',
  'id',
  'ls',
]);
const SHELLS = new Set(['sh', 'bash', 'ash']);
/** Images whose default command is a shell (their Dockerfiles' CMD). */
const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian']);

const base = (word: string): string => word.split('/').pop() ?? word;

/** `sleep`'s argument in seconds (GNU/busybox suffixes), or null when it is not a number. */
function sleepSeconds(arg: string | undefined): number | null {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg ?? '');
  if (!m) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}

/**
 * A line a command prints, `at` seconds into the run: text, `date`'s line, or `hostname`'s (the
 * Pod's name).
 */
export type OutputPart = { readonly at: number } & (
  { readonly text: string } | { readonly date: true } | { readonly hostname: true }
);

/** One simple command: its run time and exit code, `exit` with the code, or null (unknown). */
type Step = { seconds: number; exitCode: number; exit?: boolean; out?: OutputPart[] } | null;

/** printf's format with its arguments: %s and %d consume them, \n and \t are escapes. */
function printf(format: string, args: readonly string[]): string {
  let i = 0;
  return format
    .replace(/%[sd]/g, () => args[i++] ?? '')
    .replace(/%%/g, '%')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

/** The lines of a command's output text (a final newline ends the last line). */
const lines = (text: string): OutputPart[] =>
  text === ''
    ? []
    : text
        .replace(/\n$/, '')
        .split('\n')
        .map((t) => ({ at: 0, text: t }));

function simple(words: readonly string[]): Step {
  const [first, ...rest] = words;
  if (first === undefined) return { seconds: 0, exitCode: 0 };
  const cmd = base(first);
  if (cmd === 'echo') {
    const n = rest[0] === '-n';
    return {
      seconds: 0,
      exitCode: 0,
      out: lines(`${(n ? rest.slice(1) : rest).join(' ')}${n ? '' : '\n'}`),
    };
  }
  if (cmd === 'printf' && rest[0] !== undefined)
    return { seconds: 0, exitCode: 0, out: lines(printf(rest[0], rest.slice(1))) };
  if (cmd === 'date' && rest.length === 0)
    return { seconds: 0, exitCode: 0, out: [{ at: 0, date: true }] };
  if (cmd === 'hostname' && rest.length === 0)
    return { seconds: 0, exitCode: 0, out: [{ at: 0, hostname: true }] };
  if (SHORT.has(cmd)) return { seconds: 0, exitCode: 0 };
  if (cmd === 'false') return { seconds: 0, exitCode: 1 };
  if (cmd === 'exit') {
    const code = rest[0] === undefined ? 0 : Number(rest[0]);
    return Number.isInteger(code) ? { seconds: 0, exitCode: code & 255, exit: true } : null;
  }
  if (cmd === 'sleep') {
    const s = sleepSeconds(rest[0]);
    return s === null || rest.length !== 1 ? null : { seconds: s, exitCode: 0 };
  }
  if (cmd === 'perl' && rest.some((w) => /^-[a-zA-Z]*e[a-zA-Z]*$/.test(w)))
    return { seconds: 0, exitCode: 0 };
  if (SHELLS.has(cmd) && rest[0] === '-c' && rest[1] !== undefined) return script(rest[1]);
  return null;
}

/** Splits a shell script into words and the operators between commands (quotes respected). */
function tokens(text: string): string[] | null {
  const out: string[] = [];
  let word = '';
  let quote: string | null = null;
  let has = false;
  const flush = (): void => {
    if (has) out.push(word);
    word = '';
    has = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== null) {
      if (c === quote) quote = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t') flush();
    else if (c === ';' || c === '\n') {
      flush();
      out.push(';');
    } else if ((c === '&' || c === '|') && text[i + 1] === c) {
      flush();
      out.push(c + c);
      i++;
    } else if (c === '&' || c === '|' || c === '<' || c === '>' || c === '$' || c === '`') {
      return null;
    } else {
      word += c;
      has = true;
    }
  }
  if (quote !== null) return null;
  flush();
  return out;
}

/** A `-c` script: its commands run in order under `;`, `&&` and `||`. */
function script(text: string): Step {
  const words = tokens(text);
  if (words === null) return null;
  let seconds = 0;
  let code = 0;
  let skip = false;
  const out: OutputPart[] = [];
  let current: string[] = [];
  const ops = [...words, ';'];
  for (const w of ops) {
    if (w !== ';' && w !== '&&' && w !== '||') {
      current.push(w);
      continue;
    }
    if (!skip && current.length > 0) {
      const step = simple(current);
      if (step === null) return null;
      for (const part of step.out ?? []) out.push({ ...part, at: seconds + part.at });
      seconds += step.seconds;
      code = step.exitCode;
      if (step.exit === true) return { seconds, exitCode: code, out };
    }
    current = [];
    skip = (w === '&&' && code !== 0) || (w === '||' && code === 0);
  }
  return { seconds, exitCode: code, out };
}

const strings = (v: Json | undefined): string[] =>
  Array.isArray(v) ? (v as readonly Json[]).map(String) : [];

/** How `container` ends in the simulation, or null when it runs until stopped. */
export function containerExit(container: Obj): ContainerExit | null {
  const step = run(container);
  if (step === null) return null;
  return { seconds: Math.max(1, step.seconds), exitCode: step.exitCode };
}

/** What `container`'s command prints (each run), or null when the simulator does not know. */
export function containerOutput(container: Obj): readonly OutputPart[] | null {
  const step = run(container);
  return step === null ? null : (step.out ?? []);
}

function run(container: Obj): Step {
  const argv = [...strings(container['command']), ...strings(container['args'])];
  let step: Step;
  if (argv.length === 0) {
    const image = typeof container['image'] === 'string' ? container['image'] : '';
    const name = base(image.split('@')[0] ?? '').split(':')[0] ?? '';
    step = SHELL_IMAGES.has(name) ? { seconds: 0, exitCode: 0 } : null;
  } else step = simple(argv);
  return step;
}
