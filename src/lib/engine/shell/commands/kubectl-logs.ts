/**
 * `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [CONTAINER] [-c CONTAINER] [--all-containers]
 * [--all-pods] [--prefix] [--tail N] [--since D | --since-time T] [--limit-bytes N] [-f] [-p]
 * [--timestamps]`: the containers' logs as the simulation wrote them (pod-log-lines.ts). `-f`
 * prints what there is and returns (nothing more happens in the simulated container while it
 * waits). Several Pods or containers are printed in list order; the real kubectl ranges over a Go
 * map there, so its order varies from run to run.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (Complete, Validate, RunLogs,
 * addPrefixIfNeeded), staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go,
 * helpers.go (GetFirstPod: "Found N pods, using pod/X"),
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NotFound).
 */
import {
  getObject,
  listObjects,
  matchesSelector,
  parseGoTimeDuration,
  podSelectorOf,
  podsByLogging,
  type ApiObject,
} from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { resolveArg, selectObjects } from './kubectl-get-select.ts';
import { defaultContainer, logText, podContainers, type LogOptions } from './kubectl-log-text.ts';
import { intFlagValue } from '../go-parse-int.ts';

export { logText } from './kubectl-log-text.ts';

const flag = (name: string, type: FlagSpec['type'], usage: string, short?: string): FlagSpec =>
  short === undefined ? { name, type, usage } : { name, short, type, usage };

/** The flags of `kubectl logs` (logs.go AddFlags). */
export const LOGS_FLAGS: FlagSpec[] = [
  flag('all-containers', 'bool', "Get all containers' logs in the pod(s)."),
  flag('all-pods', 'bool', 'Get logs from all pod(s). Sets prefix to true.'),
  flag('container', 'string', 'Print the logs of this container', 'c'),
  flag('follow', 'bool', 'Specify if the logs should be streamed.', 'f'),
  flag(
    'ignore-errors',
    'bool',
    'If watching / following pod logs, allow for any errors that occur to be non-fatal',
  ),
  flag(
    'insecure-skip-tls-verify-backend',
    'bool',
    'Skip verifying the identity of the kubelet that logs are requested from.',
  ),
  flag('limit-bytes', 'string', 'Maximum bytes of logs to return. Defaults to no limit.'),
  flag(
    'max-log-requests',
    'string',
    'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
  ),
  flag(
    'pod-running-timeout',
    'string',
    'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  ),
  flag('prefix', 'bool', 'Prefix each log line with the log source (pod name and container name)'),
  flag(
    'previous',
    'bool',
    'If true, print the logs for the previous instance of the container in a pod if it exists.',
    'p',
  ),
  flag('selector', 'string', 'Selector (label query) to filter on.', 'l'),
  flag(
    'since',
    'string',
    'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
  ),
  flag(
    'since-time',
    'string',
    'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
  ),
  flag(
    'tail',
    'string',
    'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
  ),
  flag('timestamps', 'bool', 'Include timestamps on each line in the log output'),
];

const USAGE =
  "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

/** An integer flag as pflag parses it, or its error. */
function intFlag(p: ParsedFlags, name: string, fallback: number): number | string {
  const raw = str(p, name);
  if (raw === undefined) return fallback;
  const parsed = intFlagValue(raw, `--${name}`, 'kubectl logs');
  return 'error' in parsed ? `error: ${parsed.error}` : parsed.value;
}

/** A duration flag in ms, or its error. */
function durationFlag(p: ParsedFlags, name: string): number | string {
  const raw = str(p, name);
  if (raw === undefined) return 0;
  const d = parseGoTimeDuration(raw);
  return d.ok
    ? d.ms
    : `error: invalid argument "${raw}" for "--${name}" flag: ${d.error}\nSee 'kubectl logs --help' for usage.`;
}

/** The Pods the argument or selector names (Complete's builder, then GetFirstPod), or null. */
function targetPods(
  inv: Invocation,
  p: ParsedFlags,
  ns: string,
  allPods: boolean,
): ApiObject[] | null {
  const state = inv.ctx.state;
  const selector = str(p, 'selector');
  if (selector !== undefined && selector !== '') {
    const type = resolveArg(state, 'pods');
    if (!type.ok || type.types[0] === undefined) return null;
    const s = selectObjects(state, type.types[0], [], { namespace: ns, labelSelector: selector });
    if ('error' in s) {
      inv.io.err(s.error);
      return null;
    }
    if (s.objects.length === 0) inv.io.err(`No resources found in ${ns} namespace.`);
    return [...s.objects];
  }
  const arg = p.positionals[0] ?? '';
  const slash = arg.indexOf('/');
  const typeName = slash >= 0 ? arg.slice(0, slash) : 'pods';
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  const resolved = resolveArg(state, typeName);
  const type = resolved.ok ? resolved.types[0] : undefined;
  if (!resolved.ok || type === undefined) {
    inv.io.err(resolved.ok ? USAGE : resolved.message);
    return null;
  }
  const obj = getObject(state, type.id, type.namespaced ? ns : null, name);
  if (!obj) {
    // kubectl's resource builder wraps the server's NotFound this way for logs (what the real
    // kubectl v1.33 prints against the served API's metav1.Status, parity corpus).
    inv.io.err(
      `error: error from server (NotFound): ${type.id} "${name}" not found${type.namespaced ? ` in namespace "${ns}"` : ''}`,
    );
    return null;
  }
  if (obj.kind === 'Pod' && !type.custom) return [obj];
  const sel = podSelectorOf(obj, type.custom);
  if (!sel.ok) {
    inv.io.err(`error: ${sel.message}`);
    return null;
  }
  const pods = podsByLogging(
    listObjects(state, 'pods', obj.metadata.namespace ?? ns).filter((o) =>
      matchesSelector(o.metadata.labels ?? {}, sel.requirements),
    ),
  );
  const first = pods[0];
  if (!first) {
    inv.io.err('error: timed out waiting for the condition');
    return null;
  }
  if (allPods) return pods;
  if (pods.length > 1) inv.io.err(`Found ${pods.length} pods, using pod/${first.metadata.name}`);
  return [first];
}

/** One log stream: a Pod's container, and whether kubectl prefixes its lines. */
interface LogStream {
  readonly pod: ApiObject;
  readonly container: string;
}

/** The streams LogsForObject opens for the Pods, or the error kubectl stops with. */
function streams(
  inv: Invocation,
  pods: readonly ApiObject[],
  named: string | undefined,
  all: boolean,
  quiet: boolean,
): LogStream[] | null {
  const out: LogStream[] = [];
  for (const pod of pods) {
    const c = podContainers(pod);
    if (all) {
      for (const container of [...c.init, ...c.containers, ...c.ephemeral])
        out.push({ pod, container });
      continue;
    }
    if (named !== undefined && named !== '') {
      if (![...c.init, ...c.containers, ...c.ephemeral].includes(named)) {
        inv.io.err(`error: container ${named} is not valid for pod ${pod.metadata.name}`);
        return null;
      }
      out.push({ pod, container: named });
      continue;
    }
    const chosen = defaultContainer(pod, quiet);
    for (const n of chosen.notices) inv.io.err(n);
    out.push({ pod, container: chosen.container });
  }
  return out;
}

/** Validate's checks, in its order: the first error, or null. */
function validate(
  p: ParsedFlags,
  container: string | undefined,
  n: { tail: number; limitBytes: number; sinceMs: number },
): string | null {
  if ((str(p, 'since-time') ?? '') !== '' && n.sinceMs !== 0)
    return 'error: at most one of `sinceTime` or `sinceSeconds` may be specified';
  if (bool(p, 'all-containers') && container !== undefined && container !== '')
    return `error: --all-containers=true should not be specified with container name ${container}`;
  if (str(p, 'container') !== undefined && p.positionals.length === 2)
    return 'error: only one of -c or an inline [CONTAINER] arg is allowed';
  if (n.limitBytes < 0) return 'error: --limit-bytes must be greater than 0';
  if (n.sinceMs < 0) return 'error: --since must be greater than 0';
  if (n.tail < -1) return 'error: --tail must be greater than or equal to -1';
  return null;
}

/** `kubectl logs`. */
export function logsCommand(
  inv: Invocation,
  p: ParsedFlags,
  connect: (inv: Invocation, p: ParsedFlags) => boolean,
): number {
  const args = p.positionals;
  const selector = str(p, 'selector') ?? '';
  if ((args.length === 0 && selector === '') || args.length > 2) {
    inv.io.err(USAGE);
    return 1;
  }
  if (args.length === 1 && selector !== '') {
    inv.io.err(
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples",
    );
    return 1;
  }
  const numbers = [
    intFlag(p, 'tail', -1),
    intFlag(p, 'limit-bytes', 0),
    intFlag(p, 'max-log-requests', 5),
    durationFlag(p, 'since'),
    durationFlag(p, 'pod-running-timeout'),
  ] as const;
  const bad = numbers.find((n): n is string => typeof n === 'string');
  if (bad !== undefined) {
    inv.io.err(bad);
    return 1;
  }
  const [tail = -1, limitBytes = 0, maxRequests = 5, sinceMs = 0] = numbers as unknown as number[];
  const sinceTime = str(p, 'since-time') ?? '';
  const sinceTimeMs = sinceTime === '' ? undefined : Date.parse(sinceTime);
  if (sinceTimeMs !== undefined && Number.isNaN(sinceTimeMs)) {
    inv.io.err(
      `error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`,
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const ns = str(p, 'namespace') ?? 'default';
  const allPods = bool(p, 'all-pods');
  const pods = targetPods(inv, p, ns, allPods);
  if (pods === null) return 1;
  const container = str(p, 'container') ?? args[1];
  const invalid = validate(p, container, { tail, limitBytes, sinceMs });
  if (invalid !== null) {
    inv.io.err(invalid);
    return 1;
  }
  const list = streams(inv, pods, container, bool(p, 'all-containers'), allPods);
  if (list === null) return 1;
  if (bool(p, 'follow') && list.length > 1 && list.length > maxRequests) {
    inv.io.err(
      `error: you are attempting to follow ${list.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`,
    );
    return 1;
  }
  const opts: LogOptions = {
    previous: bool(p, 'previous'),
    // ToLogOptions: a selector without --tail reads the last 10 lines.
    ...(selector !== '' && str(p, 'tail') === undefined
      ? { tail: 10 }
      : tail !== -1
        ? { tail }
        : {}),
    timestamps: bool(p, 'timestamps'),
    ...(sinceMs ? { sinceMs: inv.ctx.state.now - Math.round(sinceMs / 1000) * 1000 } : {}),
    ...(sinceTimeMs !== undefined ? { sinceMs: sinceTimeMs } : {}),
    ...(limitBytes ? { limitBytes } : {}),
  };
  const prefix = bool(p, 'prefix') || allPods;
  let printed = '';
  for (const s of list) {
    const text = logText(inv.ctx.state, s.pod, s.container, opts);
    if (text === null) {
      inv.io.err(
        `kubelife: the log of container "${s.container}" in pod "${s.pod.metadata.name}" is not simulated (the control plane's kube-apiserver, kube-controller-manager and kube-scheduler logs are)`,
      );
      return 1;
    }
    if (!text.ok) {
      inv.io.err(`Error from server (BadRequest): ${text.message}`);
      return 1;
    }
    const tag = `[pod/${s.pod.metadata.name}/${s.container}] `;
    // prefixingWriter: every line (each Write of DefaultConsumeRequest) gets the source's tag.
    printed += prefix
      ? text.text
          .split(/(?<=\n)/)
          .filter((l) => l !== '')
          .map((l) => tag + l)
          .join('')
      : text.text;
  }
  if (printed === '') return 0;
  if (printed.endsWith('\n') || inv.io.write === undefined) inv.io.out(printed.replace(/\n$/, ''));
  else inv.io.write(printed);
  return 0;
}

/** The `kubectl logs` verb. */
export function logsVerb(connect: (inv: Invocation, p: ParsedFlags) => boolean) {
  return {
    flags: LOGS_FLAGS,
    short: 'Print the logs for a container in a pod',
    run: (inv: Invocation, p: ParsedFlags) => logsCommand(inv, p, connect),
  };
}
