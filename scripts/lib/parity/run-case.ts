/**
 * Runs one parity case (a guide page, or a group of the everyday corpus): every line goes to a
 * simulator session; each kubectl line also goes to the real kubectl against `serve --api` over
 * a second session built the same way, which follows the first by running the same non-kubectl
 * lines (and its own kubectl writes arrive over HTTP). Both answers are compared.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Server } from 'node:https';
import { startApiServer } from 'kubelife/cli';
import { pageSession } from 'kubelife/doctest';
import { compareLine } from './compare.ts';
import { kubectlRunner, type LineResult, type RealKubectl } from './real-kubectl.ts';
import { filesAfter, isConfigLine, prepareCopy } from './kubeconfig-copy.ts';
import type { Session } from 'kubelife/shell';
import { findMachine } from 'kubelife';

/** A sequence of lines run from one scenario. */
export interface ParityCase {
  readonly id: string;
  readonly source: 'guide' | 'corpus';
  readonly scenario?: string;
  readonly minor?: string;
  readonly lines: readonly string[];
}

/** The outcome of one kubectl line. */
export interface LineOutcome {
  readonly caseId: string;
  readonly source: ParityCase['source'];
  readonly line: string;
  readonly status: 'same' | 'different' | 'skipped';
  readonly reason?: string;
  readonly masks?: readonly string[];
  readonly diff?: string;
}

const KUBECTL = /^(sudo\s+)?(KUBECONFIG=\S+\s+)?kubectl(\s|$)/;

/** The reason a kubectl line is not compared, or null. */
function skipReason(line: string, sim: LineResult): string | null {
  if ([...line.matchAll(FILE_ARG)].some((m) => unquote(m[1] ?? '').startsWith('/')))
    return 'reads a file outside the working folder of the simulated machine, which the judge does not have';
  if (/\s(-f|--filename)[= ]?\s*https?:/.test(line))
    return "fetches a manifest URL, which this machine cannot reach (the simulator's own apply keeps the served state in step)";
  if (
    /^(sudo\s+)?kubectl\b.*\sexec(\s|$)/.test(line) &&
    !/^error: (pod, type\/name|exec \[POD\]|you must specify)/.test(sim.stderr)
  )
    return 'kubectl exec reaches the pods/exec subresource, a SPDY/WebSocket upgrade that serve --api does not implement (its usage errors, decided before any request, are compared)';
  // kubectl drain's own wait running out (waitForDelete) says `context deadline exceeded` too:
  // that one is compared.
  const text = `${sim.stdout}${sim.stderr}`.replace(
    /^(There are pending pods in node .* when an error occurred: |error: unable to drain node .* due to error: |error: )context deadline exceeded/gm,
    '$1',
  );
  if (
    /The connection to the server .* was refused|Unable to connect to the server|x509:|tls: |etcdserver|context deadline exceeded|Error from server \(Timeout\)/.test(
      text,
    )
  )
    return 'the simulated API server is unreachable or failing at this point; the served API does not model that';
  return null;
}

/** The line as the judge runs it: against the served kubeconfig, not a simulated file. */
function judgeLine(line: string): string {
  return line
    .replace(/^sudo\s+/, '')
    .replace(/^KUBECONFIG=\S+\s+/, '')
    .replace(/\s--kubeconfig(=|\s+)\S+/g, '');
}

const TEMPLATE_FILE = /(?:custom-columns-file|jsonpath-file|go-template-file|templatefile)=(\S+)/g;
const FILE_ARG = /(?:\s-f\s*|\s--filename[= ])(\S+)/g;
const unquote = (s: string): string => s.replace(/^['"]|['"]$/g, '');

/** The files and directories a line reads from its working folder (template files, `-f`). */
function localPaths(line: string): string[] {
  const paths = [...line.matchAll(TEMPLATE_FILE), ...line.matchAll(FILE_ARG)].map((m) =>
    unquote(m[1] ?? ''),
  );
  return paths.filter(
    (p) => p !== '-' && !p.startsWith('/') && !/^https?:/.test(p) && !p.includes('..'),
  );
}

/**
 * The files a line names (`-o custom-columns-file=cols.txt`, `-f app.yaml`, `-f dir/`), written
 * by earlier lines on the simulated machine: copied to the judge's working folder under the
 * same relative paths, so both read the same text. Absent files stay absent on both sides.
 */
function copyLocalFiles(line: string, sim: Session, work: string): void {
  const paths = localPaths(line);
  if (paths.length === 0) return;
  const saved = sim.save();
  const machine = findMachine(saved.state, sim.machine);
  const home = saved.shell?.cwd ?? saved.env['HOME'] ?? '/root';
  for (const path of paths) {
    const abs = `${home.replace(/\/$/, '')}/${path.replace(/^\.\//, '').replace(/\/$/, '')}`;
    for (const [file, content] of Object.entries(machine?.files ?? {})) {
      if (file !== abs && !file.startsWith(`${abs}/`)) continue;
      const target = join(work, file.slice(home.replace(/\/$/, '').length + 1));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
}

const DRAIN = /^(sudo\s+)?(KUBECONFIG=\S+\s+)?kubectl\s(.*\s)?drain\s/;

/**
 * kubectl drain waits in real time: 5 s before it retries an eviction a PodDisruptionBudget
 * refused (staging/src/k8s.io/kubectl/pkg/drain/drain.go evictPods) and while evicted Pods
 * terminate (waitForDelete). The served session's clock does not follow real time, so after a
 * drain line it is moved forward to the simulator's, which spent those waits in simulated time;
 * later lines (AGE columns) then compare the same instant.
 */
async function followDrainWaits(line: string, sim: Session, served: Session): Promise<void> {
  if (!DRAIN.test(line)) return;
  const lag = sim.save().state.now - served.save().state.now;
  if (lag >= 1000) await served.run(`kubelife clock advance ${Math.floor(lag / 1000)}s`);
}

/** Options of a run: `tamper` alters the simulator's answer (the negative control). */
export interface RunCaseOptions {
  readonly tamper?: (sim: LineResult) => LineResult;
}

/**
 * A `kubectl config` line: the judge edits a copy of the simulated kubeconfig (the served
 * session, which has not run the line yet, provides it, then runs it to stay in step); the
 * files after the line are compared too.
 */
async function compareConfigLine(
  line: string,
  simResult: LineResult,
  sim: Session,
  served: Session,
  real: (line: string) => Promise<LineResult>,
): Promise<ReturnType<typeof compareLine>> {
  const paths = await prepareCopy(served, line);
  const realResult = await real(`KUBECONFIG='${paths.copy}' ${judgeLine(line)}`);
  await served.run(line);
  const after = await filesAfter(sim, paths);
  // The file section follows on a line of its own (see the final-newline mask).
  const ended = (t: string): string => (t === '' || t.endsWith('\n') ? t : `${t}\n`);
  return compareLine(
    { ...simResult, stdout: ended(simResult.stdout) + after.sim },
    { ...realResult, stdout: ended(realResult.stdout) + after.real },
  );
}

/** Runs a case; resolves to the outcome of each kubectl line. */
export async function runCase(
  c: ParityCase,
  judge: RealKubectl,
  options: RunCaseOptions = {},
): Promise<LineOutcome[]> {
  const sim = pageSession(c.scenario, c.minor);
  const served = pageSession(c.scenario, c.minor);
  const scratch = mkdtempSync(join(tmpdir(), 'kubelife-parity-'));
  const kubeconfig = join(scratch, 'kubeconfig');
  const work = mkdtempSync(join(tmpdir(), 'kubelife-parity-cwd-'));
  let server: Server | null = null;
  let refresh = (): Promise<void> => Promise.resolve();
  let real: ((line: string) => Promise<LineResult>) | null = null;
  const out: LineOutcome[] = [];
  try {
    for (const line of c.lines) {
      const simResult = await sim.run(line);
      if (!KUBECTL.test(line)) {
        await served.run(line);
        continue;
      }
      const base = { caseId: c.id, source: c.source, line };
      const skip = skipReason(line, simResult);
      if (skip !== null) {
        await served.run(line);
        out.push({ ...base, status: 'skipped', reason: skip });
        continue;
      }
      if (real === null) {
        try {
          const started = await startApiServer(served, { port: 0, kubeconfig }, () => undefined);
          server = started.server;
          refresh = started.refreshKubeconfig;
        } catch (error) {
          await served.run(line);
          out.push({ ...base, status: 'skipped', reason: (error as Error).message });
          continue;
        }
        real = kubectlRunner(judge, kubeconfig, work);
      }
      // The judge presents the client certificate the simulated kubectl would (its kubeconfig).
      await refresh();
      copyLocalFiles(line, sim, work);
      const expected = options.tamper ? options.tamper(simResult) : simResult;
      const cmp = isConfigLine(line)
        ? await compareConfigLine(line, expected, sim, served, real)
        : compareLine(expected, await real(judgeLine(line)));
      await followDrainWaits(line, sim, served);
      out.push({
        ...base,
        status: cmp.same ? 'same' : 'different',
        ...(cmp.masks.length > 0 ? { masks: cmp.masks } : {}),
        ...(cmp.same ? {} : { diff: cmp.diff }),
      });
    }
  } finally {
    const s: Server | null = server;
    if (s !== null) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  }
  return out;
}
