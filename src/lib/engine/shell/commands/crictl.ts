/**
 * crictl (cri-tools, installed with kubeadm as cri-tools) as kubeadm's troubleshooting pages and
 * habits use it: `crictl ps` and `crictl pods` with their filters, `crictl version`, against the
 * containers containerd runs for this machine's node (crictl-runtime.ts). Columns and layout from
 * cri-tools cmd/crictl/container.go and sandbox.go (newDefaultTableDisplay: tabwriter minwidth
 * 20, tabwidth 1, padding 3; IDs truncated to 13 characters; CREATED is go-units HumanDuration +
 * " ago"; newest first), options from urfave/cli (global options before the command), errors as
 * main.go's logrus.Fatal prints them (`FATA[0000] …`, exit 1).
 */
import { EngineError } from '../../src/index.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { parseFlags, bool, str, list, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { compileUserRegex, RegexError, type UserRegex } from '../regex.ts';
import { nodeRuntime, type CriContainer, type CriSandbox } from './crictl-runtime.ts';
import { containerdVersion } from './crictl-version.ts';
import { connect, log } from './crictl-connect.ts';
import { humanDuration, table } from './crictl-table.ts';

const s = (name: string, usage: string, short?: string): FlagSpec => ({
  name,
  type: 'string',
  usage,
  ...(short ? { short } : {}),
});
const b = (name: string, usage: string, short?: string): FlagSpec => ({
  name,
  type: 'bool',
  usage,
  ...(short ? { short } : {}),
});

/** app.Flags of crictl's main.go. */
const GLOBAL: FlagSpec[] = [
  s('config', 'Location of the client config file', 'c'),
  s('runtime-endpoint', 'Endpoint of CRI container runtime service', 'r'),
  s('image-endpoint', 'Endpoint of CRI image manager service', 'i'),
  s('timeout', 'Timeout of connecting to the server', 't'),
  b('debug', 'Enable debug mode', 'D'),
];
/** Filters and outputs both ps and pods take. */
const LISTING: FlagSpec[] = [
  s('id', 'Filter by id'),
  { name: 'label', type: 'strings', usage: 'Filter by key=value label' },
  s('last', 'Show last n recently created (includes all states)', 'n'),
  b('latest', 'Show the most recently created (includes all states)', 'l'),
  s('name', 'Filter by name regular expression pattern'),
  s('namespace', 'Filter by pod namespace regular expression pattern'),
  b('no-trunc', 'Show output without truncating the ID'),
  s('output', 'Output format, One of: json|yaml|table', 'o'),
  b('quiet', 'Only display IDs', 'q'),
  s('state', 'Filter by state', 's'),
  b('verbose', 'Show verbose information', 'v'),
];
const PS: FlagSpec[] = [
  ...LISTING,
  b('all', 'Show all containers', 'a'),
  s('image', 'Filter by container image'),
  s('pod', 'Filter by pod id', 'p'),
  b('resolve-image-path', 'Show image path instead of image id', 'r'),
];

/** What a failed command prints: urfave/cli's usage error, then logrus.Fatal. */
class CrictlError extends Error {
  readonly usage: boolean;
  constructor(message: string, usage = false) {
    super(message);
    this.usage = usage;
  }
}

function parse(args: readonly string[], specs: readonly FlagSpec[], strict: boolean): ParsedFlags {
  try {
    return parseFlags(args, specs, strict);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const flag = /flag: (-{1,2}[\w-]+)|unknown shorthand flag: '(\w)'/.exec(error.message);
    const name = flag?.[1] ?? (flag?.[2] !== undefined ? `-${flag[2]}` : error.message);
    throw new CrictlError(`flag provided but not defined: ${name}`, true);
  }
}

async function regex(p: ParsedFlags, name: string): Promise<UserRegex | null> {
  const pattern = str(p, name);
  if (pattern === undefined || pattern === '') return null;
  try {
    return await compileUserRegex(pattern, { extended: true, ignoreCase: false });
  } catch (error) {
    if (error instanceof RegexError)
      throw new CrictlError(`error parsing regexp: ${error.message}`);
    throw error;
  }
}

/** truncateCount: --latest keeps one, --last N keeps N (0: all). */
function count(p: ParsedFlags, total: number): number {
  if (bool(p, 'latest')) return Math.min(1, total);
  const last = Number(str(p, 'last') ?? '0');
  if (!Number.isInteger(last) || last < 0)
    throw new CrictlError(`invalid value "${str(p, 'last') ?? ''}" for flag -last: parse error`);
  return last > 0 ? Math.min(last, total) : total;
}

function labelsMatch(p: ParsedFlags, labels: Readonly<Record<string, string>>): boolean {
  return list(p, 'label').every((l) => {
    const eq = l.indexOf('=');
    if (eq < 0) throw new CrictlError(`incorrectly specified label: ${l}`);
    return labels[l.slice(0, eq)] === l.slice(eq + 1);
  });
}

function output(p: ParsedFlags): void {
  const o = str(p, 'output') ?? 'table';
  if (o !== 'table')
    throw new CrictlError(
      o === 'json' || o === 'yaml'
        ? `output format ${o} is not simulated: use the table output`
        : `unsupported output format "${o}"`,
    );
}

async function ps(inv: Invocation, p: ParsedFlags): Promise<void> {
  output(p);
  const state = str(p, 'state')?.toLowerCase();
  if (state !== undefined && !['created', 'running', 'exited', 'unknown'].includes(state))
    throw new CrictlError(
      'listing containers: list containers: --state should be one of created, running, exited or unknown',
    );
  const name = await regex(p, 'name');
  const ns = await regex(p, 'namespace');
  const limited = bool(p, 'latest') || (str(p, 'last') ?? '0') !== '0';
  const wanted = limited ? null : (state ?? (bool(p, 'all') ? null : 'running'));
  const found = nodeRuntime(inv.ctx.state, inv.machine).containers.filter(
    (c: CriContainer) =>
      (wanted === null || c.state.toLowerCase() === wanted) &&
      (str(p, 'id') === undefined || c.id.startsWith(str(p, 'id') ?? '')) &&
      (str(p, 'pod') === undefined || c.podSandboxId.startsWith(str(p, 'pod') ?? '')) &&
      (str(p, 'image') === undefined ||
        c.imageRef === str(p, 'image') ||
        c.imageId.startsWith(str(p, 'image') ?? '')) &&
      labelsMatch(p, c.labels) &&
      (name === null || name.test(c.name)) &&
      (ns === null || ns.test(c.podNamespace)),
  );
  const shown = found.slice(0, count(p, found.length));
  const trunc = (id: string): string => (bool(p, 'no-trunc') ? id : id.slice(0, 13));
  if (bool(p, 'quiet')) {
    for (const c of shown) inv.io.out(c.id);
    return;
  }
  const rows = [
    ['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'],
  ];
  for (const c of shown)
    rows.push([
      trunc(c.id),
      bool(p, 'resolve-image-path') ? c.imageRef : trunc(c.imageId),
      `${humanDuration(inv.ctx.state.now - c.createdAt)} ago`,
      c.state,
      c.name,
      String(c.attempt),
      trunc(c.podSandboxId),
      c.podName,
      c.podNamespace,
    ]);
  for (const l of table(rows)) inv.io.out(l);
}

async function pods(inv: Invocation, p: ParsedFlags): Promise<void> {
  output(p);
  const state = str(p, 'state')?.toLowerCase();
  if (state !== undefined && state !== 'ready' && state !== 'notready')
    throw new CrictlError('--state should be ready or notready');
  const name = await regex(p, 'name');
  const ns = await regex(p, 'namespace');
  const found = nodeRuntime(inv.ctx.state, inv.machine).sandboxes.filter(
    (x: CriSandbox) =>
      (state === undefined || (state === 'ready') === x.ready) &&
      (str(p, 'id') === undefined || x.id.startsWith(str(p, 'id') ?? '')) &&
      labelsMatch(p, x.labels) &&
      (name === null || name.test(x.name)) &&
      (ns === null || ns.test(x.namespace)),
  );
  const shown = found.slice(0, count(p, found.length));
  if (bool(p, 'quiet')) {
    for (const x of shown) inv.io.out(x.id);
    return;
  }
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const x of shown)
    rows.push([
      bool(p, 'no-trunc') ? x.id : x.id.slice(0, 13),
      `${humanDuration(inv.ctx.state.now - x.createdAt)} ago`,
      x.ready ? 'Ready' : 'NotReady',
      x.name,
      x.namespace,
      '0',
      '(default)',
    ]);
  for (const l of table(rows)) inv.io.out(l);
}

const HELP = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

COMMANDS (simulated):
   pods       List pods
   ps         List containers
   version    Display runtime version information`;

/** `crictl [global options] ps|pods|version [options]`. */
export const crictl: CommandModule = {
  name: 'crictl',
  summary: 'list the containers and pod sandboxes of this node (crictl ps, crictl pods)',
  requiresPackage: 'kubeadm',
  completion: {
    subcommands: { pods: { args: 'none' }, ps: { args: 'none' }, version: { args: 'none' } },
  },
  run: async (inv) => {
    try {
      const g = parse(inv.args, GLOBAL, false);
      const [sub, ...rest] = g.positionals;
      if (sub === undefined || bool(g, 'help') || sub === 'help') {
        inv.io.out(HELP);
        return 0;
      }
      if (!['ps', 'pods', 'version'].includes(sub)) {
        inv.io.err(`No help topic for '${sub}'`);
        return 3;
      }
      // urfave/cli parses the command's flags before its action connects.
      const p = parse(rest, sub === 'ps' ? PS : sub === 'pods' ? LISTING : [], true);
      if (!connect(inv, g, sub === 'ps')) return 1;
      if (sub === 'ps') await ps(inv, p);
      else if (sub === 'pods') await pods(inv, p);
      else inv.io.out(containerdVersion(inv.ctx.state, inv.machine));
      return 0;
    } catch (error) {
      if (!(error instanceof CrictlError)) throw error;
      if (error.usage) inv.io.out(`Incorrect Usage: ${error.message}\n`);
      inv.io.err(log('FATA', error.message));
      return 1;
    }
  },
};
