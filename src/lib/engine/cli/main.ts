/**
 * The `kubelife` command: an interactive simulated terminal (REPL) or a script runner.
 * Node only; everything else goes through the same session.run(line) as the browser.
 */
import { doctestCommand, DOCTEST_USAGE } from './doctest.ts';
import { exportCommand, EXPORT_USAGE } from './export.ts';
import { exportFs } from './export-fs.ts';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createSession, type Session } from '../shell/index.ts';
import { isEngineError, listScenarios } from '../src/index.ts';
import { readStateFile, writeStateFile } from './state-file.ts';
import { scriptLines } from './script.ts';
import { repl } from './repl.ts';
import { serveJsonLines } from './serve.ts';
import { colourFor } from './colour.ts';
import { parseGoTimeDuration } from '../src/go-duration.ts';
import { isServeWorker, runServeWorker } from './serve-worker.ts';
import type * as ServeApi from './api/serve-api.ts';

type ServeApiModule = typeof ServeApi;

const USAGE = `Usage:
  kubelife                          start an interactive simulated terminal
  kubelife run FILE [options]       run each command line of FILE and print a transcript
  kubelife scenarios [--release M]  list the scenarios a session can start from
  kubelife doctest PATH… [options]  run the \`console run\` blocks of Markdown/MDX pages and
                                    compare their output (kubelife doctest --help)
  kubelife export GUIDE [--format sh]
                                    print a guide as a bash script for real machines
  kubelife serve --jsonl            serve the engine protocol: one JSON request per line on
                                    stdin (load, run, reset, save), one JSON response per line
                                    on stdout, in order; ends when stdin ends
  kubelife serve --api [--scenario NAME] [--release M] [--load FILE] [--port P]
                 [--kubeconfig FILE]
                                    serve the simulated cluster as a Kubernetes API over HTTPS
                                    on 127.0.0.1 for a real kubectl or client library; writes
                                    a kubeconfig (default ./kubelife.kubeconfig)

Options:
  --scenario NAME   start from a named scenario (default: bare-machines)
  --release MINOR   build the scenario for a release track: one of the newest three minors
                    (default: the newest; see \`kubelife release\` inside the shell)
  --load FILE       start from a state saved with --save
  --save FILE       save the final state as JSON
  --export-fs DIR   after run, write every machine's files (real PEMs) to DIR/<machine>/…
  --seed N          random seed (default: 1)
  --jsonl           (serve) one JSON message per line, the only framing serve speaks
  --deadline D      (serve) stop a run still going after D, a Go duration (default 10s;
                    0: never); the session goes back to its state before that run
  --api             (serve) a Kubernetes API over HTTPS instead of JSON lines
  --port P          (serve --api) port on 127.0.0.1 (default: any free port)
  --kubeconfig FILE (serve --api) where to write the kubeconfig (default ./kubelife.kubeconfig)
  -h, --help        show this help
  -v, --version     print the kubelife version

Inside the shell, \`kubelife help\` lists the simulator controls: the clock, scenarios, release
tracks, faults, and \`kubelife machine add --count N [--prefix PREFIX] [--packages]\` to add many
machines (ready for kubeadm join with --packages).`;

interface CliOptions {
  scenario?: string;
  release?: string;
  load?: string;
  save?: string;
  exportFs?: string;
  seed?: number;
  file?: string;
  jsonl?: boolean;
  deadlineMs?: number;
  api?: boolean;
  port?: number;
  kubeconfig?: string;
  command: 'repl' | 'run' | 'serve' | 'scenarios' | 'help' | 'version';
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { command: 'repl' };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('-')) throw new UsageError(`option ${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const take = (): string => (inline !== undefined ? inline : value(i++, flag));
    if (flag === '-h' || flag === '--help') o.command = 'help';
    else if (flag === '-v' || flag === '--version') o.command = 'version';
    else if (flag === '--scenario') o.scenario = take();
    else if (flag === '--release') o.release = take();
    else if (flag === '--load') o.load = take();
    else if (flag === '--save') o.save = take();
    else if (flag === '--export-fs') o.exportFs = take();
    else if (flag === '--jsonl') o.jsonl = true;
    else if (flag === '--deadline') {
      const raw = take();
      const d = parseGoTimeDuration(raw);
      if (!d.ok || d.ns < 0n)
        throw new UsageError(`option --deadline: ${d.ok ? 'negative' : d.error}`);
      o.deadlineMs = d.ns > 0n ? Math.max(1, d.ms) : 0;
    } else if (flag === '--api') o.api = true;
    else if (flag === '--kubeconfig') o.kubeconfig = take();
    else if (flag === '--port') {
      const n = Number(take());
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new UsageError('option --port needs a port number (0-65535)');
      o.port = n;
    } else if (flag === '--seed') {
      const n = Number(take());
      if (!Number.isInteger(n)) throw new UsageError('option --seed needs an integer');
      o.seed = n;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option: ${flag}`);
    else if (o.command === 'repl' && flag === 'run') o.command = 'run';
    else if (o.command === 'repl' && flag === 'serve') o.command = 'serve';
    else if (o.command === 'repl' && flag === 'scenarios') o.command = 'scenarios';
    else if (o.command === 'run' && o.file === undefined) o.file = flag;
    else throw new UsageError(`unexpected argument: ${flag}`);
  }
  if (o.command === 'run' && o.file === undefined) throw new UsageError('run needs a FILE');
  if (o.release !== undefined && o.load !== undefined)
    throw new UsageError(
      '--release cannot be combined with --load: a saved state keeps its release',
    );
  checkServe(o);
  return o;
}

/** serve takes its sessions from load requests, so session options would be silently ignored. */
function checkServe(o: CliOptions): void {
  if (o.command !== 'serve' && o.command !== 'help' && o.jsonl === true)
    throw new UsageError('option --jsonl only applies to serve');
  if (o.command !== 'serve' && o.command !== 'help' && o.deadlineMs !== undefined)
    throw new UsageError('option --deadline only applies to serve');
  const apiOnly = (['api', 'port', 'kubeconfig'] as const).filter((n) => o[n] !== undefined);
  if (o.command !== 'serve' && o.command !== 'help' && apiOnly.length > 0)
    throw new UsageError(`option --${apiOnly[0] ?? 'api'} only applies to serve --api`);
  if (o.command !== 'serve') return;
  if (o.api === true) {
    if (o.jsonl === true) throw new UsageError('serve takes --jsonl or --api, not both');
    if (o.save !== undefined || o.exportFs !== undefined)
      throw new UsageError('serve --api takes no --save or --export-fs');
    if (o.deadlineMs !== undefined)
      throw new UsageError('option --deadline only applies to serve --jsonl');
    return;
  }
  if (o.port !== undefined || o.kubeconfig !== undefined)
    throw new UsageError('options --port and --kubeconfig only apply to serve --api');
  if (o.jsonl !== true) throw new UsageError('serve needs --jsonl or --api');
  const given = (['scenario', 'release', 'load', 'save', 'exportFs', 'seed'] as const).filter(
    (name) => o[name] !== undefined,
  );
  if (given.length > 0)
    throw new UsageError('serve takes no session options: send a load request instead');
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const p of ['../../package.json', '../package.json']) {
    try {
      return (require(p) as { version: string }).version;
    } catch {
      // Try the next layout (dist/cli or cli).
    }
  }
  return '0.0.0';
}

async function openSession(o: CliOptions): Promise<Session> {
  if (o.load !== undefined) {
    return createSession({ state: await readStateFile(o.load) });
  }
  return createSession({
    ...(o.scenario !== undefined ? { scenario: o.scenario } : {}),
    ...(o.release !== undefined ? { release: o.release } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  });
}

async function runScript(o: CliOptions, file: string): Promise<number> {
  const session = await openSession(o);
  const lines = scriptLines(await readFile(file, 'utf8'));
  let code = 0;
  for (const [index, line] of lines.entries()) {
    process.stdout.write(`$ ${line}\n`);
    const r = await session.run(line);
    // A transcript reads like the terminal: both streams, in the order they were written.
    process.stdout.write(colourFor(process.stdout, r.output));
    if (r.exitCode !== 0) {
      code = r.exitCode;
      const left = lines.length - index - 1;
      process.stderr.write(
        `kubelife: stopped: command ${index + 1} of ${lines.length} exited with status ${r.exitCode}` +
          (left > 0 ? ` (${left} more not run)` : '') +
          '\n',
      );
      break;
    }
  }
  if (o.save !== undefined) await writeStateFile(o.save, session.save());
  if (o.exportFs !== undefined) await exportFs(session.save().state, o.exportFs);
  return code;
}

/**
 * `serve --api`: loads the HTTPS server on demand (a computed specifier, so bundlers leave the
 * Node-only server out of the WebContainer bundle) and serves until SIGINT or SIGTERM.
 */
async function serveApi(session: Session, o: CliOptions): Promise<number> {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  // Joined at run time: bundlers follow literal and template specifiers, not this one.
  const modulePath = ['.', 'api', `serve-api.${ext}`].join('/');
  let api: ServeApiModule;
  try {
    api = (await import(modulePath)) as ServeApiModule;
  } catch {
    process.stderr.write('kubelife: serve --api is not part of this build\n');
    return 1;
  }
  // Signals count from before the server listens: a client may stop it as soon as it prints.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const { server } = await api.startApiServer(
    session,
    { port: o.port ?? 0, kubeconfig: o.kubeconfig ?? 'kubelife.kubeconfig' },
    (line) => void process.stdout.write(`${line}\n`),
  );
  await stopped;
  server.closeAllConnections();
  server.close();
  return 0;
}

/** Prints the scenarios of a release track: name and title, one per line. */
function printScenarios(o: CliOptions): number {
  const all = listScenarios(o.release);
  const width = Math.max(...all.map((s) => s.name.length));
  // One write: `kubelife scenarios | head` closes the pipe early, and one write fits its buffer.
  process.stdout.write(all.map((s) => `${s.name.padEnd(width)}  ${s.title}\n`).join(''));
  return 0;
}

/** The hint printed under an unknown scenario: every name, and where the descriptions are. */
function scenarioHint(o: CliOptions): string {
  const names = listScenarios(o.release).map((s) => s.name);
  return `kubelife: choose one of: ${names.join(', ')}\n(\`kubelife scenarios\` lists them with what each one holds)\n`;
}

/** `kubelife doctest` / `kubelife export`: their own options; bad usage exits 2. */
async function subcommand(name: 'doctest' | 'export', argv: readonly string[]): Promise<number> {
  const usage = name === 'doctest' ? DOCTEST_USAGE : EXPORT_USAGE;
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const write = (text: string): void => void process.stdout.write(text);
  try {
    return name === 'doctest'
      ? await doctestCommand(argv, write, process.cwd())
      : exportCommand(argv, write, process.cwd());
  } catch (error) {
    process.stderr.write(
      `kubelife ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // `serve` runs its session in a worker thread started from this same program.
  if (isServeWorker()) return runServeWorker();
  if (argv[0] === 'doctest' || argv[0] === 'export') return subcommand(argv[0], argv.slice(1));
  let o: CliOptions;
  try {
    o = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kubelife: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    if (o.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (o.command === 'version') {
      process.stdout.write(`kubelife ${packageVersion()}\n`);
      return 0;
    }
    if (o.command === 'run') return await runScript(o, o.file ?? '');
    if (o.command === 'serve' && o.api === true) return await serveApi(await openSession(o), o);
    if (o.command === 'serve')
      return await serveJsonLines(process.stdin, process.stdout, o.deadlineMs);
    if (o.command === 'scenarios') return printScenarios(o);
    const session = await openSession(o);
    const code = await repl(session, packageVersion());
    if (o.save !== undefined) await writeStateFile(o.save, session.save());
    return code;
  } catch (error) {
    process.stderr.write(`kubelife: ${error instanceof Error ? error.message : String(error)}\n`);
    if (isEngineError(error) && error.code === 'NoSuchScenario')
      process.stderr.write(scenarioHint(o));
    return 1;
  }
}
