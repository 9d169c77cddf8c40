/**
 * Fuzzing the engine's three entry points with hostile input (issue 14): the shell (command lines
 * built from the commands it knows, with hostile arguments), `serve --jsonl` (request lines, valid
 * and not) and `--load` (saved sessions with one field tampered with). Shared by the bounded test
 * in the suite (tests/unit/hostile/fuzz.test.ts) and the long run (`npm run fuzz`).
 *
 * Invariants checked after every input: no internal error, no run longer than the deadline, every
 * stored path clean and every machine name a host name (so nothing can be written outside the
 * export folder), and the session keeps answering.
 */
import fc from 'fast-check';
import {
  createSession,
  isCleanAbsolutePath,
  isHostName,
  keyedEntries,
  type Session,
} from 'kubelife';
import { parseSavedSession } from 'kubelife/shell';

/** Words a hostile user types as arguments. */
const HOSTILE_WORDS = [
  '-Infinity',
  'NaN',
  '1e309',
  '-1',
  '0',
  '999999999999999999999999999999',
  '2562048h',
  '300000y',
  '20000000000y',
  'abc',
  '~/../../../../../tmp/x',
  '/../../etc/passwd',
  '../../..',
  '$(echo $(echo x))',
  '${HOME}',
  "'unterminated",
  '"dq',
  '\\',
  '\u2028',
  '\u0000',
  'é',
  '-n',
  '--ttl',
  '--ttl=1y',
  '-o',
  'json',
  'yaml',
  '\\(a\\+\\)\\+$',
  's/\\(a*\\)*$/x/',
  's/a/b/g',
  '[[:alpha:]',
  '*',
  '|',
  '&&',
  '>',
  '>>',
  ';',
  '#',
  'toString',
  '__proto__',
  'constructor',
];

/** Commands the shell knows, with a few of their subcommands. */
const COMMANDS = [
  'echo',
  'cat /etc/hostname',
  'ls /etc/kubernetes',
  'hostname',
  'head -n',
  'tail -n',
  'grep',
  'grep -E',
  'sed',
  'sed -E',
  'exit',
  'ssh worker-1',
  'mkdir -p',
  'rm -rf',
  'cp',
  'kubelife clock advance',
  'kubelife clock',
  'kubelife scenario',
  'kubeadm token create --ttl',
  'kubeadm token list',
  'kubeadm version -o',
  'kubeadm certs check-expiration',
  'kubectl get nodes',
  'kubectl get pods -A',
  'kubectl get nodes -o',
  'kubectl get nodes -o jsonpath={.items[*].metadata.name}',
  'openssl genrsa -out',
  'openssl req -new -x509 -key ca.key -subj /CN=a -days',
  'openssl x509 -noout -enddate -in /etc/kubernetes/pki/ca.crt',
  'etcdctl member list',
  'etcdutl',
  'systemctl status kubelet',
  'apt-get install -y',
];

/** Scenarios sessions start from (cheap to build: scenarios are cached). */
export const FUZZ_SCENARIOS = ['bare-machines', 'packages-installed', 'workers-joined'];

/** Characters bash treats specially: random strings of them probe the parser and expander. */
const SHELL_CHARS = [...'$(){}[]\'"`\\;|&<>!#*?~=+-%^,/:@ \tax1\n'];

/** bash constructs of the interpreter (shell/bash/), filled with hostile words. */
const BASH_TEMPLATES: ReadonlyArray<(w: string) => string> = [
  (w) => `echo $((${w}))`,
  (w) => `(( ${w} )); echo $?`,
  (w) => `[[ ${w} ]]; echo $?`,
  (w) => `test ${w}; echo $?`,
  (w) => `echo {${w},b}{1..3}`,
  (w) => `printf ${w} 1 2`,
  (w) => `printf '%s %d %x %.3f\n' ${w} ${w}`,
  (w) => `for i in ${w}; do echo $i; done`,
  (w) => `f() { echo ${w}; }; f; f`,
  (w) => `x=(${w}); echo \${x[@]} \${#x[@]}`,
  (w) => `x=${w}; echo \${x:-d} \${#x} \${x//a/b} \${x:1:2} \${x^^} \${!x}`,
  (w) => `cat <<EOF\n${w}\nEOF`,
  (w) => `case ${w} in a*) echo a;; *) echo other;; esac`,
  (w) => `cd ${w}; pwd`,
  (w) => `eval ${w}`,
  (w) => `source ${w}`,
  (w) => `echo ${w} > ${w}; cat < ${w}`,
  (w) => `echo ${w} 2>&1 >/dev/null | cat`,
  (w) => `( ${w} ) && { ${w}; }`,
  (w) => `declare -A m; m[${w}]=1; echo \${!m[@]}`,
  (w) => `read -r a b <<< ${w}; echo $a`,
  (w) => `set -- ${w}; shift; echo $# "$@"`,
  (w) => `local ${w}`,
  (w) => `export ${w}=1; env | grep ${w}`,
  (w) => `i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo ${w}; done`,
  (w) => `echo ${w} | sed -e ${w}`,
  (w) => `echo ${w} | grep -c ${w}`,
  (w) => `echo ${w} | awk ${w}`,
];

/** A random string of shell metacharacters (unbalanced quotes, brackets, substitutions). */
const shellNoise = fc
  .array(fc.constantFrom(...SHELL_CHARS), { maxLength: 30 })
  .map((chars) => chars.join(''));

/** A hostile word: a known one, a random string or shell noise. */
const hostileWord = fc.oneof(
  fc.constantFrom(...HOSTILE_WORDS),
  fc.string({ maxLength: 12 }),
  shellNoise,
);

/** A bash construct with hostile words in it, or shell noise alone. */
const bashLine: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: BASH_TEMPLATES.length - 1 }), hostileWord)
    .map(([i, w]) => (BASH_TEMPLATES[i] ?? ((x: string) => x))(w)),
  shellNoise,
);

/** A command of the registry with up to three hostile arguments. */
const registryLine: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...COMMANDS),
      fc.array(fc.oneof(fc.constantFrom(...HOSTILE_WORDS), fc.string({ maxLength: 12 })), {
        maxLength: 3,
      }),
      fc.constantFrom(' ; ', ' && ', ' || ', ' | '),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) =>
    parts
      .map(([cmd, args, op], i) => `${cmd} ${args.join(' ')}${i < parts.length - 1 ? op : ''}`)
      .join(''),
  );

/**
 * A random command line: commands of the registry joined by operators with hostile arguments, or
 * bash constructs (arithmetic, tests, expansions, loops, functions, here-documents) filled with
 * hostile words and shell noise.
 */
export const commandLine: fc.Arbitrary<string> = fc.oneof(registryLine, bashLine);

/** A `serve --jsonl` input line: a valid request, a malformed one, or no JSON at all. */
export const requestLine: fc.Arbitrary<string> = fc.oneof(
  commandLine.map((line) => JSON.stringify({ id: 1, type: 'run', line })),
  fc.constantFrom(
    '',
    '   ',
    '\t',
    'null',
    '[]',
    '{}',
    '{"id":1}',
    '{"id":"x","type":"run","line":"hostname"}',
    '{"id":1,"type":"load","scenario":"nosuch"}',
    '{"id":1,"type":"load","scenario":"","state":{"kind":"kubelife-session"}}',
    '{"id":1,"type":"save"}',
    '{"id":1,"type":"reset"}',
    '{"id":1,"type":"run","line":"echo a\u2028b"}',
  ),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')),
);

/** Tampers with one field of a saved session: the path and the value to put there. */
export const tamper: fc.Arbitrary<{ path: string[]; value: unknown }> = fc.record({
  path: fc.constantFrom(
    ['kind'],
    ['version'],
    ['scenario'],
    ['release'],
    ['machineStack'],
    ['env'],
    ['state'],
    ['state', 'schema'],
    ['state', 'now'],
    ['state', 'rng'],
    ['state', 'counter'],
    ['state', 'machines'],
    ['state', 'machines', 'size'],
    ['state', 'machines', 'buckets'],
    ['state', 'machines', 'buckets', '0'],
    ['state', 'machines', 'buckets', '1'],
    ['state', 'machines', 'buckets', '0', 'cp-1'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'name'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'ip'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'files'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'files', '/../../escape'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'files', '/etc/hostname'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'dirs'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'certs'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'packages'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'kubelet'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'kubelet', 'since'],
    ['state', 'machines', 'buckets', '0', 'cp-1', 'kubelet', 'active'],
    ['state', 'machines', 'buckets', '0', '../../escape'],
    ['state', 'machines', 'buckets', '0', 'worker-9'],
    ['state', 'cluster'],
    ['state', 'cluster', 'version'],
    ['state', 'cluster', 'tokens'],
    ['state', 'cluster', 'nodes'],
    ['state', 'cluster', 'pods'],
    ['state', 'cluster', 'objects'],
    ['state', 'cluster', 'namespaces'],
    ['state', 'cluster', 'csrs'],
    ['state', 'cluster', 'kubernetesEndpoints'],
    ['shell'],
    ['shell', 'cwd'],
    ['shell', 'options'],
    ['shell', 'arrays'],
  ),
  value: fc.oneof(
    fc.constantFrom(null, 'oops', 'soon', -1, 1e308, 99, [], {}, true, '../../x', 8.64e15 + 1),
    fc.jsonValue({ maxDepth: 2 }),
  ),
});

/** What one fuzz run found. */
export interface FuzzReport {
  inputs: number;
  internalErrors: string[];
  hangs: string[];
  escapes: string[];
  silent: string[];
  slowestMs: number;
}

/** An empty report. */
export function newReport(): FuzzReport {
  return { inputs: 0, internalErrors: [], hangs: [], escapes: [], silent: [], slowestMs: 0 };
}

/** Checks that every stored path is clean and every machine a host name. */
function escapes(session: Session): string[] {
  const found: string[] = [];
  for (const [name, m] of keyedEntries(session.save().state.machines)) {
    if (!isHostName(name)) found.push(`machine ${JSON.stringify(name)}`);
    for (const path of Object.keys(m.files))
      if (!isCleanAbsolutePath(path)) found.push(`${name}:${JSON.stringify(path)}`);
  }
  return found;
}

/** Runs one command line in `session` and records what breaks an invariant. */
export async function fuzzShellLine(
  session: Session,
  line: string,
  report: FuzzReport,
  deadlineMs: number,
  now: () => number,
): Promise<void> {
  report.inputs++;
  const start = now();
  const r = await session.run(line);
  const took = now() - start;
  report.slowestMs = Math.max(report.slowestMs, took);
  if (took > deadlineMs) report.hangs.push(`${Math.round(took)} ms: ${JSON.stringify(line)}`);
  if (r.output.includes('internal error'))
    report.internalErrors.push(`${JSON.stringify(line)} → ${r.output.slice(0, 300)}`);
  for (const e of escapes(session)) report.escapes.push(`${JSON.stringify(line)} → ${e}`);
  const probe = await session.run('echo ok');
  if (probe.stdout !== 'ok\n' && !session.exited)
    report.silent.push(`${JSON.stringify(line)} → probe said ${JSON.stringify(probe.output)}`);
}

/** Loads a tampered save the way `--load` does and runs a command when it was accepted. */
export async function fuzzLoad(
  base: unknown,
  change: { path: string[]; value: unknown },
  report: FuzzReport,
): Promise<void> {
  report.inputs++;
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of change.path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) return;
    at = next as Record<string, unknown>;
  }
  at[change.path[change.path.length - 1] ?? ''] = change.value;
  let session: Session;
  try {
    session = createSession({ state: parseSavedSession(copy) });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('invalid saved state: '))
      report.internalErrors.push(`load ${JSON.stringify(change)} → ${String(error)}`);
    return;
  }
  for (const line of ['hostname', 'kubectl get nodes', 'kubeadm token list', 'ls /root']) {
    const r = await session.run(line);
    if (r.output.includes('internal error'))
      report.internalErrors.push(`load ${JSON.stringify(change)}; ${line} → ${r.output}`);
  }
  for (const e of escapes(session)) report.escapes.push(`load ${JSON.stringify(change)} → ${e}`);
}

/** Checks that a session's own save loads again (the schema accepts what the engine writes). */
export function fuzzRoundTrip(session: Session, report: FuzzReport, after: string): void {
  try {
    parseSavedSession(JSON.parse(JSON.stringify(session.save())));
  } catch (error) {
    report.internalErrors.push(`save after ${JSON.stringify(after)} refused: ${String(error)}`);
  }
}
