/**
 * What a container of the simulated cluster has written to its log, from what happened: the
 * control-plane components' startup lines at the time their Pod started, with the version of
 * their image and the addresses of their manifest, in klog's format (PID 1 in the container).
 * Only lines seen in real transcripts are written, with the transcript's spacing in time:
 * - kube-scheduler: `kubectl logs` of a kubeadm-made v1.34.0 control plane (serving.go:386,
 *   server.go:175/177, configmap_cafile_content.go:205, shared_informer.go:349,
 *   secure_serving.go:211, tlsconfig.go:243); the RBAC warnings such a first start prints before
 *   kubeadm has bound the scheduler's roles are not written.
 * - kube-controller-manager: `kubectl logs` of a kubeadm v1.28.15 control plane
 *   (controllermanager.go:189/191 "Starting" / "Golang settings", dynamic_cafile_content.go:157,
 *   leaderelection.go:250), with the serving lines of the v1.34 library above.
 * - kube-apiserver: `crictl logs` of a kubeadm v1.30.0 control plane (options.go:221 external
 *   host, server.go:148 Version, server.go:150 Golang settings).
 * The source lines are those builds'; later builds move them (kubelife's masks treat klog headers
 * as varying). Other containers' logs are not simulated: the caller says so rather than print an
 * empty log. upstream messages: cmd/kube-scheduler/app/server.go, cmd/kube-controller-manager/
 * app/controllermanager.go, cmd/kube-apiserver/app/options/completion.go (external host),
 * staging/src/k8s.io/apiserver/pkg/server/secure_serving.go, dynamiccertificates.
 */
import {
  containerOutput,
  findMachine,
  isJobPod,
  klogPrefix,
  type ApiObject,
  type ClusterState,
} from '../../src/index.ts';

type Obj = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One log line: microseconds after the container started, and its klog text. */
type Entry = readonly [micros: number, level: 'I' | 'W' | 'E', where: string, text: string];

const containerOf = (pod: ApiObject, name: string): Obj | undefined =>
  ((pod['spec'] as Obj | undefined)?.['containers'] as Obj[] | undefined)?.find(
    (c) => c['name'] === name,
  );

/**
 * The value of `--flag=` in the container's command, read from the static Pod manifest on the
 * Pod's node (/etc/kubernetes/manifests/CONTAINER.yaml: the kubelet runs what it says).
 */
type Flags = (name: string) => string | undefined;

function manifestFlags(state: ClusterState, pod: ApiObject, container: string): Flags {
  const node = text((pod['spec'] as Obj | undefined)?.['nodeName']);
  const manifest =
    findMachine(state, node)?.files[`/etc/kubernetes/manifests/${container}.yaml`] ?? '';
  return (name) => new RegExp(`^\\s*- --${name}=(\\S+)$`, 'm').exec(manifest)?.[1];
}

const versionOf = (c: Obj | undefined): string => /:(v[^:@]+)$/.exec(text(c?.['image']))?.[1] ?? '';

const GOLANG = '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""';
const CLIENT_CA = 'client-ca::kube-system::extension-apiserver-authentication::client-ca-file';

function entries(container: string, c: Obj | undefined, flag: Flags): readonly Entry[] | null {
  const version = versionOf(c);
  switch (container) {
    case 'kube-scheduler':
      return [
        [0, 'I', 'serving.go:386', 'Generated self-signed cert in-memory'],
        [1285340, 'I', 'server.go:175', `"Starting Kubernetes Scheduler" version="${version}"`],
        [1285353, 'I', 'server.go:177', GOLANG],
        [
          1286471,
          'I',
          'configmap_cafile_content.go:205',
          `"Starting controller" name="${CLIENT_CA}"`,
        ],
        [
          1286496,
          'I',
          'shared_informer.go:349',
          `"Waiting for caches to sync" controller="${CLIENT_CA}"`,
        ],
        [
          1286633,
          'I',
          'secure_serving.go:211',
          `Serving securely on ${flag('bind-address') ?? '0.0.0.0'}:10259`,
        ],
        [1286660, 'I', 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"'],
      ];
    case 'kube-controller-manager':
      return [
        [0, 'I', 'serving.go:386', 'Generated self-signed cert in-memory'],
        [887445, 'I', 'controllermanager.go:189', `"Starting" version="${version}"`],
        [887502, 'I', 'controllermanager.go:191', GOLANG],
        [
          899424,
          'I',
          'secure_serving.go:211',
          `Serving securely on ${flag('bind-address') ?? '0.0.0.0'}:10257`,
        ],
        [903720, 'I', 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"'],
        [
          903894,
          'I',
          'dynamic_cafile_content.go:157',
          `"Starting controller" name="request-header::${flag('requestheader-client-ca-file') ?? ''}"`,
        ],
        [
          904355,
          'I',
          'dynamic_cafile_content.go:157',
          `"Starting controller" name="client-ca-bundle::${flag('client-ca-file') ?? ''}"`,
        ],
        [
          910924,
          'I',
          'leaderelection.go:250',
          'attempting to acquire leader lease kube-system/kube-controller-manager...',
        ],
      ];
    case 'kube-apiserver':
      return [
        [
          0,
          'I',
          'options.go:221',
          `external host was not specified, using ${flag('advertise-address') ?? ''}`,
        ],
        [1704, 'I', 'server.go:148', `Version: ${version}`],
        [1745, 'I', 'server.go:150', GOLANG],
      ];
    default:
      return null;
  }
}

/** When the Pod's containers started (its startTime, else its creation), in epoch ms. */
export function podStarted(pod: ApiObject): number {
  const status = pod['status'] as Obj | undefined;
  return Date.parse(text(status?.['startTime']) || pod.metadata.creationTimestamp);
}

/** One written line: when (epoch ms and the microseconds within that second) and its text. */
export interface LogLine {
  readonly ms: number;
  readonly micros: number;
  readonly text: string;
}

/**
 * The log of `container` in `pod` (oldest first), or null when the simulator does not model
 * that container's log.
 */
export function containerLog(
  state: ClusterState,
  pod: ApiObject,
  container: string,
): LogLine[] | null {
  if (isJobPod(pod)) return jobContainerLog(pod, container, state.now);
  const list = entries(
    container,
    containerOf(pod, container),
    manifestFlags(state, pod, container),
  );
  if (list === null) return null;
  const start = podStarted(pod);
  return list.map(([offset, level, where, text]) => {
    const at = start + Math.floor(offset / 1000);
    const second = at - (at % 1000);
    const micros = (at % 1000) * 1000 + (offset % 1000);
    return { ms: second, micros, text: `${klogPrefix(level, second, micros, where, 1)}${text}` };
  });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date`'s default output (`%a %b %e %H:%M:%S %Z %Y`, C locale, UTC). */
function dateLine(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * What a Job's container printed in its current run (workloads/container-run.ts decides what
 * `echo`, `printf`, `date` and `hostname` print), or null when the command is not modelled.
 */
function jobContainerLog(pod: ApiObject, container: string, now: number): LogLine[] | null {
  const spec = (pod['spec'] as Obj | undefined) ?? {};
  const c = ((spec['containers'] ?? []) as Obj[]).find((x) => x['name'] === container);
  const parts = c ? containerOutput(c as Parameters<typeof containerOutput>[0]) : null;
  if (parts === null) return null;
  const statuses = ((pod['status'] as Obj | undefined)?.['containerStatuses'] ?? []) as Obj[];
  const state = (statuses.find((x) => x['name'] === container)?.['state'] ?? {}) as Obj;
  const running = (state['running'] ?? state['terminated']) as Obj | undefined;
  if (running === undefined) return [];
  const start = Date.parse(text(running['startedAt']));
  // Lines after a `sleep` are written when the sleep ends (the clock may not be there yet).
  return parts
    .map((p) => ({
      ms: start + p.at * 1000,
      micros: 0,
      text: 'text' in p ? p.text : 'date' in p ? dateLine(start + p.at * 1000) : pod.metadata.name,
    }))
    .filter((l) => l.ms <= now);
}
