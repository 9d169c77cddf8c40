/**
 * The text of one container's log as the kubelet serves it through the pods/log subresource
 * (tailLines, sinceSeconds/sinceTime, limitBytes, timestamps, previous), shared by the
 * simulator's `kubectl logs` and `kubelife serve --api`; and kubectl's choice of container.
 *
 * upstream: pkg/kubelet/kuberuntime/logs/logs.go (tail, since, limit-bytes applied by the
 * kubelet's log reader), pkg/kubelet/kubelet_pods.go validateContainerLogStatus (previous
 * terminated container … not found), staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
 * logsforobject.go (default-container annotation, "Defaulted container … out of: …"),
 * staging/src/k8s.io/kubectl/pkg/cmd/util/podcmd/podcmd.go (AllContainerNames).
 */
import type { ApiObject, ClusterState } from '../../src/index.ts';
import { containerLog, type LogLine } from './pod-log-lines.ts';

type Obj = Record<string, unknown>;

/** What the log request asks of the kubelet. */
export interface LogOptions {
  readonly previous: boolean;
  /** Lines from the end (negative: all). */
  readonly tail?: number;
  readonly timestamps: boolean;
  /** Only lines written at or after this epoch ms (sinceSeconds / sinceTime). */
  readonly sinceMs?: number;
  /** Stop after this many bytes (possibly inside a line). */
  readonly limitBytes?: number;
}

/**
 * The text of a container's log (the log subresource's body), or the error of the node's
 * kubelet, or null when the simulator does not model that container's log.
 */
export function logText(
  state: ClusterState,
  pod: ApiObject,
  container: string,
  opts: LogOptions,
): { ok: true; text: string } | { ok: false; message: string } | null {
  if (opts.previous)
    return {
      ok: false,
      message: `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
    };
  const all = containerLog(state, pod, container);
  if (all === null) return null;
  const since = opts.sinceMs;
  const lines = since === undefined ? all : all.filter((l) => l.ms >= since);
  const shown =
    opts.tail === undefined || opts.tail < 0
      ? lines
      : opts.tail === 0
        ? []
        : lines.slice(-opts.tail);
  const text = shown.map((l) => `${opts.timestamps ? `${stamp(l)} ` : ''}${l.text}\n`).join('');
  return { ok: true, text: opts.limitBytes === undefined ? text : cut(text, opts.limitBytes) };
}

/** The first `limit` bytes of `text` in UTF-8 (a cut character is dropped, not mangled). */
function cut(text: string, limit: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > limit) break;
    out += ch;
  }
  return out;
}

/** The CRI log's RFC 3339 time of a line (`--timestamps`: nanoseconds, UTC). */
function stamp(l: LogLine): string {
  return `${new Date(l.ms).toISOString().slice(0, 19)}.${String(l.micros).padStart(6, '0')}000Z`;
}

const names = (list: unknown): string[] =>
  ((list as Obj[] | undefined) ?? []).map((c) => String(c['name']));

/** A Pod's containers by kind: regular, ephemeral, init (the order kubectl lists them in). */
export function podContainers(pod: ApiObject): {
  containers: string[];
  ephemeral: string[];
  init: string[];
} {
  const spec = (pod['spec'] as Obj | undefined) ?? {};
  return {
    containers: names(spec['containers']),
    ephemeral: names(spec['ephemeralContainers']),
    init: names(spec['initContainers']),
  };
}

/** podcmd.AllContainerNames: `app, debugger (ephem), setup (init)`. */
export function allContainerNames(pod: ApiObject): string {
  const c = podContainers(pod);
  return [
    ...c.containers,
    ...c.ephemeral.map((n) => `${n} (ephem)`),
    ...c.init.map((n) => `${n} (init)`),
  ].join(', ');
}

/**
 * The container kubectl reads when none is named: the `kubectl.kubernetes.io/default-container`
 * annotation's when it exists, else the first, with the notices kubectl writes to stderr
 * (`Defaulted container "a" out of: a, b` when there was a choice and `quiet` is false).
 */
export function defaultContainer(
  pod: ApiObject,
  quiet: boolean,
): { container: string; notices: string[] } {
  const c = podContainers(pod);
  const notices: string[] = [];
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? '';
  if (annotated !== '') {
    if ([...c.containers, ...c.ephemeral, ...c.init].includes(annotated))
      return { container: annotated, notices };
    notices.push(`Default container name "${annotated}" not found in pod ${pod.metadata.name}`);
  }
  const first = c.containers[0] ?? '';
  if (!quiet && (c.containers.length > 1 || c.init.length > 0 || c.ephemeral.length > 0))
    notices.push(`Defaulted container "${first}" out of: ${allContainerNames(pod)}`);
  return { container: first, notices };
}
