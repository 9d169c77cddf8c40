/**
 * `kubectl logs (POD | pod/NAME) [CONTAINER] [-c CONTAINER] [-n NS] [--tail N] [-f] [-p]
 * [--timestamps]`: the container's log as the simulation wrote it (pod-log-lines.ts). `-f` prints
 * what there is and returns (nothing more happens in the simulated container while it waits).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (usage error, argument count,
 * tail/previous/timestamps options), staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
 * logsforobject.go (a container name must be specified…, container … is not valid for pod …),
 * pkg/kubelet/kubelet_pods.go validateContainerLogStatus (previous terminated container … not
 * found), staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NotFound).
 */
import { getObject, listObjects, type ApiObject, type ClusterState } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { containerLog, type LogLine } from './pod-log-lines.ts';

type Obj = Record<string, unknown>;

/** The flags of `kubectl logs` the simulator reads. */
export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
  { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
  {
    name: 'previous',
    short: 'p',
    type: 'bool',
    usage:
      'If true, print the logs for the previous instance of the container in a pod if it exists.',
  },
  {
    name: 'tail',
    type: 'string',
    usage:
      'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
  },
  {
    name: 'timestamps',
    type: 'bool',
    usage: 'Include timestamps on each line in the log output',
  },
];

const USAGE =
  "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

/** A log request after kubectl's client-side checks, or the error kubectl prints. */
export type LogRequest =
  | { readonly ok: true; readonly pod: ApiObject; readonly container: string }
  | { readonly ok: false; readonly message: string };

const names = (list: unknown): string[] =>
  ((list as Obj[] | undefined) ?? []).map((c) => String(c['name']));

/** kubectl's container choice for a Pod (logsforobject.go). */
export function logRequest(
  state: ClusterState,
  namespace: string,
  podName: string,
  container: string | undefined,
): LogRequest {
  const pod = getObject(state, 'pods', namespace, podName);
  // kubectl's resource builder wraps the server's NotFound this way for logs (what the real
  // kubectl v1.33 prints against the served API's metav1.Status, parity corpus).
  if (!pod)
    return {
      ok: false,
      message: `error: error from server (NotFound): pods "${podName}" not found in namespace "${namespace}"`,
    };
  const spec = (pod['spec'] as Obj | undefined) ?? {};
  const containers = names(spec['containers']);
  if (container === undefined || container === '') {
    if (containers.length !== 1) {
      const init = names(spec['initContainers']);
      const more = init.length > 0 ? ` or one of the init containers: [${init.join(' ')}]` : '';
      return {
        ok: false,
        message: `error: a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]${more}`,
      };
    }
    return { ok: true, pod, container: containers[0] ?? '' };
  }
  if (!containers.includes(container) && !names(spec['initContainers']).includes(container))
    return { ok: false, message: `error: container ${container} is not valid for pod ${podName}` };
  return { ok: true, pod, container };
}

/**
 * The text of a container's log (the log subresource's body), or the error of the node's
 * kubelet, or null when the simulator does not model that container's log.
 */
export function logText(
  state: ClusterState,
  pod: ApiObject,
  container: string,
  opts: { previous: boolean; tail?: number; timestamps: boolean },
): { ok: true; text: string } | { ok: false; message: string } | null {
  if (opts.previous)
    return {
      ok: false,
      message: `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
    };
  const lines = containerLog(state, pod, container);
  if (lines === null) return null;
  const shown =
    opts.tail === undefined || opts.tail < 0
      ? lines
      : opts.tail === 0
        ? []
        : lines.slice(-opts.tail);
  return {
    ok: true,
    text: shown.map((l) => `${opts.timestamps ? `${stamp(l)} ` : ''}${l.text}\n`).join(''),
  };
}

/** The CRI log's RFC 3339 time of a line (`--timestamps`: nanoseconds, UTC). */
function stamp(l: LogLine): string {
  return `${new Date(l.ms).toISOString().slice(0, 19)}.${String(l.micros).padStart(6, '0')}000Z`;
}

/**
 * The Pod `kubectl logs job/NAME` reads (polymorphichelpers attachablePodForObject: the Job's
 * Pods by its selector, sorted by controller.ByLogging: running before the others, then more
 * restarts, then the oldest), saying which when there are several; null after an error.
 */
function jobLogPod(inv: Invocation, ns: string, name: string): string | null {
  const state = inv.ctx.state;
  const job = getObject(state, 'jobs.batch', ns, name);
  if (!job) {
    inv.io.err(
      `error: error from server (NotFound): jobs.batch "${name}" not found in namespace "${ns}"`,
    );
    return null;
  }
  const phaseRank = (o: ApiObject): number =>
    (o['status'] as Obj | undefined)?.['phase'] === 'Running' ? 0 : 1;
  const pods = listObjects(state, 'pods', ns)
    .filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === job.metadata.uid) === true)
    .sort(
      (a, b) =>
        phaseRank(a) - phaseRank(b) ||
        Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp),
    );
  const first = pods[0];
  if (!first) {
    inv.io.err(`error: timed out waiting for the condition`);
    return null;
  }
  if (pods.length > 1) inv.io.err(`Found ${pods.length} pods, using pod/${first.metadata.name}`);
  return first.metadata.name;
}

/** `kubectl logs`. */
export function logsCommand(
  inv: Invocation,
  p: ParsedFlags,
  connect: (inv: Invocation, p: ParsedFlags) => boolean,
): number {
  const args = p.positionals;
  if (args.length === 0 || args.length > 2) {
    inv.io.err(USAGE);
    return 1;
  }
  const tailFlag = str(p, 'tail');
  const tail = tailFlag === undefined ? undefined : Number(tailFlag);
  if (tail !== undefined && !Number.isInteger(tail)) {
    inv.io.err(
      `error: invalid argument "${tailFlag}" for "--tail" flag: strconv.ParseInt: parsing "${tailFlag}": invalid syntax\nSee 'kubectl logs --help' for usage.`,
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const target = args[0] ?? '';
  const slash = /^(pods?|po)\/(.+)$/.exec(target);
  const ns = str(p, 'namespace') ?? 'default';
  const job = /^(jobs?|jobs?\.batch)\/(.+)$/.exec(target);
  let podName = slash ? (slash[2] ?? '') : target;
  if (job) {
    const chosen = jobLogPod(inv, ns, job[2] ?? '');
    if (chosen === null) return 1;
    podName = chosen;
  }
  const req = logRequest(inv.ctx.state, ns, podName, str(p, 'container') ?? args[1]);
  if (!req.ok) {
    inv.io.err(req.message);
    return 1;
  }
  const text = logText(inv.ctx.state, req.pod, req.container, {
    previous: bool(p, 'previous'),
    ...(tail !== undefined ? { tail } : {}),
    timestamps: bool(p, 'timestamps'),
  });
  if (text === null) {
    inv.io.err(
      `kubelife: the log of container "${req.container}" in pod "${req.pod.metadata.name}" is not simulated (the control plane's kube-apiserver, kube-controller-manager and kube-scheduler logs are)`,
    );
    return 1;
  }
  if (!text.ok) {
    inv.io.err(`Error from server (BadRequest): ${text.message}`);
    return 1;
  }
  if (text.text !== '') inv.io.out(text.text.replace(/\n$/, ''));
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
