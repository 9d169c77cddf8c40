/**
 * `kubeadm join` for workers (and control-plane nodes with --control-plane --certificate-key):
 * machine preflight, token discovery with CA pinning (cmd/kubeadm/app/discovery/token), then
 * kubelet start and TLS bootstrap (cmd/kubeadm/app/cmd/join.go).
 */
import { clusterExternalEtcd, usesExternalEtcd } from '../etcd/model.ts';
import { bootstrapCsrApproval, kubeletTlsBootstrap } from './certs/bootstrap.ts';
import type { ClusterState, Machine, NodeObject, PodObject } from '../model/state.ts';
import { controlPlaneNodes, findNode, putNode } from '../state/nodes.ts';
import { putPods } from '../state/pods.ts';
import type { JoinOptions } from '../commands/types.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError, isEngineError } from '../errors.ts';
import { log, text, type EngineEvent } from '../events.ts';
import { createRng, NAME_SUFFIX_ALPHABET, type Rng } from '../random.ts';
import { getMachine } from '../state/create.ts';
import { formatRfc3339 } from '../clock.ts';
import { parseVersion } from '../model/version.ts';
import { type Phase, runPhases } from '../workflow/phase.ts';
import { preflightPhase } from './preflight.ts';
import { waitForKubelet } from './kubelet-check.ts';
import { markControlPlaneEvents } from './mark-control-plane.ts';
import {
  kubeadmFlagsEnv,
  kubeconfig,
  KUBELET_CONFIG_YAML,
  controlPlaneManifests,
} from './files.ts';
import { tokenValid, TOKEN_PATTERN } from './tokens.ts';
import { FLANNEL_CNI_CONF, startKubelet } from '../machine/kubelet.ts';
import { FLANNEL_CONFLIST } from '../kubectl/flannel.ts';
import { joinEtcdMember, requireEtcdQuorum } from '../etcd/join.ts';
import { imagePullEvents } from './image-pull.ts';
import { findMachine, findMachineBy } from '../state/machines.ts';
import { setKeyed } from '../model/keyed-map.ts';
import type { CertPhaseData } from './certs/init-phases.ts';
import {
  createJoinKubeconfigs,
  createJoinPkiAssets,
  sharedCertificatePaths,
} from './certs/join-phases.ts';

const SEC = 1000;

/** Working data shared by the join phases. */
export interface JoinData {
  state: ClusterState;
  readonly events: EngineEvent[];
  readonly rng: Rng;
  readonly machine: string;
  readonly node: string;
  readonly opts: JoinOptions;
  t: number;
  /** The certificate phases' working data (one plan for certs and kubeconfig). */
  pki?: CertPhaseData;
}

/** FNV-1a of a name, to seed per-machine random streams. */
function nameSeed(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The certificate phases' view of the join (created on first use, state synced back after). */
function pkiData(d: JoinData): CertPhaseData {
  const c = d.state.cluster;
  d.pki ??= {
    state: d.state,
    events: d.events,
    // A stream of its own, seeded from the state's and the machine's name: the new keys and
    // serials never shift the random names (tokens, Pod suffixes) drawn after the join.
    rng: createRng((d.state.rng ^ nameSeed(d.machine)) >>> 0),
    machine: d.machine,
    node: d.node,
    ip: d.opts.advertiseAddress ?? machineOf(d).ip,
    serviceSubnet: c?.serviceSubnet ?? '10.96.0.0/12',
    controlPlaneEndpoint: c?.controlPlaneEndpoint ?? undefined,
    t: d.t,
    certs: {},
    externalEtcd: usesExternalEtcd(d.state),
  };
  d.pki.state = d.state;
  d.pki.t = d.t;
  return d.pki;
}

/** Runs a certificate step on the join's data and keeps the state it produced. */
function withPki(d: JoinData, step: (p: CertPhaseData) => void): void {
  const p = pkiData(d);
  step(p);
  d.state = p.state;
}

function machineOf(d: JoinData): Machine {
  return getMachine(d.state, d.machine);
}

function putMachine(d: JoinData, m: Machine): void {
  d.state = { ...d.state, machines: setKeyed(d.state.machines, d.machine, m) };
}

function discover(d: JoinData): void {
  const c = d.state.cluster;
  const endpoint = d.opts.endpoint.includes(':') ? d.opts.endpoint : `${d.opts.endpoint}:6443`;
  const host = endpoint.split(':')[0] ?? '';
  // Another endpoint works when it is a control-plane machine's name or IP (looked up only then:
  // the usual endpoint is the cluster's own, and a scan of 5,000 machines per join adds up).
  const apiMachine = (): Machine | undefined =>
    findMachine(d.state, host) ?? findMachineBy(d.state, (m) => m.ip === host);
  const reachable =
    c &&
    (endpoint === c.endpoint || findNode(d.state, apiMachine()?.name ?? '')?.controlPlane === true);
  if (!c || !reachable) {
    throw new EngineError('Kubeadm', {
      message: `couldn't validate the identity of the API Server: failed to request the cluster-info ConfigMap: Get "https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${endpoint}: connect: connection refused`,
    });
  }
  const tokenId = (d.opts.token ?? '').split('.')[0] ?? '';
  const token = c.tokens.find((t) => `${t.id}.${t.secret}` === d.opts.token);
  if (!token || !tokenValid(token, d.t)) {
    throw new EngineError('Kubeadm', {
      message: `couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "${tokenId}"`,
    });
  }
  if (!d.opts.unsafeSkipCAVerification) {
    const pinned = d.opts.caCertHashes.map((h) => h.toLowerCase().replace(/^sha256:/, ''));
    if (!pinned.includes(c.caHash)) {
      throw new EngineError('Kubeadm', {
        message: `couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:${c.caHash}" are pinned`,
      });
    }
  }
}

/** The join phase tree. */
export const joinPhases: readonly Phase<JoinData>[] = [
  {
    name: 'preflight',
    short: 'Run join pre-flight checks',
    run: (d) => {
      const c = d.state.cluster;
      preflightPhase(
        machineOf(d),
        {
          kind: 'join',
          controlPlane: d.opts.controlPlane === true,
          controlPlaneVersion: c?.version ?? 'v0.0.0',
          controlPlaneRunning: false,
          time: formatRfc3339(d.t),
        },
        d.opts.ignorePreflightErrors ?? [],
        d.events,
      );
      discover(d);
      const noQuorum = requireEtcdQuorum(d.state);
      if (noQuorum)
        throw new EngineError('Kubeadm', {
          message: `unable to fetch the kubeadm-config ConfigMap: ${noQuorum.message.replace('Error from server: ', '')}`,
        });
      const reupload =
        parseVersion(c?.version ?? 'v1.36.0').minor >= 35
          ? 'upload-config kubeadm'
          : 'upload-config';
      d.events.push(
        log(
          'preflight',
          'Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
        ),
        log(
          'preflight',
          `Use 'kubeadm init phase ${reupload} --config your-config-file' to re-upload it.`,
        ),
      );
      if (d.opts.controlPlane) {
        if (!c?.controlPlaneEndpoint) {
          throw new EngineError('Kubeadm', {
            message:
              "\nOne or more conditions for hosting a new control plane instance is not satisfied.\n\nunable to add a new control plane instance to a cluster that doesn't have a stable controlPlaneEndpoint address\n\nPlease ensure that:\n* The cluster has a stable controlPlaneEndpoint address.\n* The certificates that must be shared among control plane instances are provided.\n",
          });
        }
        d.events.push(
          log(
            'preflight',
            'Running pre-flight checks before initializing the new control plane instance',
          ),
          ...imagePullEvents('preflight'),
        );
      }
      d.t += 3 * SEC;
    },
  },
  {
    name: 'control-plane-prepare',
    short: 'Prepare the machine for serving a control plane',
    runIf: (d) => d.opts.controlPlane === true,
    phases: [
      {
        name: 'download-certs',
        short:
          'Download certificates shared among control-plane nodes from the kubeadm-certs Secret',
        run: (d) => {
          // Without --certificate-key the phase is skipped (the reader copied the files).
          if (!d.opts.certificateKey) return;
          const ck = d.state.cluster?.certificateKey;
          if (!ck || ck.expires <= d.t) {
            throw new EngineError('Kubeadm', {
              message:
                'error downloading certs: error downloading the secret: Secret "kubeadm-certs" was not found in the "kube-system" Namespace. This Secret might have expired. Please, run `kubeadm init phase upload-certs --upload-certs` on a control plane to generate a new one',
            });
          }
          if (d.opts.certificateKey !== ck.key) {
            throw new EngineError('Kubeadm', {
              message:
                'error downloading certs: error decoding secret data with provided key: cipher: message authentication failed',
            });
          }
          d.events.push(
            log(
              'download-certs',
              'Downloading the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace',
            ),
            log('download-certs', 'Saving the certificates to the folder: "/etc/kubernetes/pki"'),
          );
          const src = controlPlaneNodes(d.state)
            .map((n) => findMachine(d.state, n.name))
            .find((m) => m !== undefined);
          if (!src) return;
          const m = machineOf(d);
          const paths = sharedCertificatePaths(usesExternalEtcd(d.state)).filter(
            (p) => src.files[p] !== undefined,
          );
          putMachine(d, {
            ...m,
            files: { ...m.files, ...Object.fromEntries(paths.map((p) => [p, src.files[p] ?? ''])) },
            certs: {
              ...m.certs,
              ...Object.fromEntries(
                paths.flatMap((p) => (src.certs[p] ? [[p, src.certs[p]] as const] : [])),
              ),
            },
          });
        },
      },
      {
        name: 'certs',
        short: 'Generate the certificates for the new control plane components',
        run: (d) => withPki(d, createJoinPkiAssets),
      },
      {
        name: 'kubeconfig',
        short: 'Generate the kubeconfig for the new control plane components',
        run: (d) => withPki(d, createJoinKubeconfigs),
      },
      {
        name: 'control-plane',
        short: 'Generate the manifests for the new control plane components',
        run: (d) => {
          const c = d.state.cluster;
          const m = machineOf(d);
          const manifests = controlPlaneManifests({
            node: d.node,
            ip: d.opts.advertiseAddress ?? m.ip,
            version: c?.version ?? '',
            serviceSubnet: c?.serviceSubnet ?? '10.96.0.0/12',
            podSubnet: c?.podSubnet ?? null,
            externalEtcd: clusterExternalEtcd(d.state) ?? null,
          });
          d.events.push(log('control-plane', 'Using manifest folder "/etc/kubernetes/manifests"'));
          const files: Record<string, string> = {};
          for (const comp of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
            d.events.push(log('control-plane', `Creating static Pod manifest for "${comp}"`));
            files[`/etc/kubernetes/manifests/${comp}.yaml`] = manifests[`${comp}.yaml`] ?? '';
          }
          putMachine(d, { ...m, files: { ...m.files, ...files } });
        },
      },
    ],
  },
  {
    name: 'kubelet-start',
    short: 'Write kubelet settings, certificates and (re)start the kubelet',
    run: (d) => {
      const c = d.state.cluster;
      const version = c?.version ?? 'v1.36.0';
      d.events.push(
        log(
          'kubelet-start',
          'Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
        ),
        log(
          'kubelet-start',
          'Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
        ),
        log('kubelet-start', 'Starting the kubelet'),
        log(
          'kubelet-check',
          'Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
        ),
      );
      const m = machineOf(d);
      const files: Record<string, string> = {
        '/var/lib/kubelet/config.yaml': KUBELET_CONFIG_YAML,
        '/var/lib/kubelet/kubeadm-flags.env': kubeadmFlagsEnv(version),
        '/etc/kubernetes/kubelet.conf': kubeconfig({
          server: c?.endpoint ?? '',
          user: `system:node:${d.node}`,
          certPath: '/var/lib/kubelet/pki/kubelet-client-current.pem',
        }),
        '/etc/kubernetes/pki/ca.crt': '@pki:cert:/etc/kubernetes/pki/ca.crt',
      };
      if (c?.cni === 'flannel') files[FLANNEL_CNI_CONF] = FLANNEL_CONFLIST;
      const caCert = findMachineBy(
        d.state,
        (x) => x.certs['/etc/kubernetes/pki/ca.crt'] !== undefined,
      )?.certs['/etc/kubernetes/pki/ca.crt'];
      let next: Machine = {
        ...m,
        files: { ...m.files, ...files },
        certs: caCert ? { ...m.certs, '/etc/kubernetes/pki/ca.crt': caCert } : m.certs,
      };
      next = startKubelet(next, d.t);
      putMachine(d, next);
      const check = waitForKubelet(next.kubelet.active === 'active', d.rng);
      d.t += check.waitedMs;
      d.events.push(...check.events);
      if (check.failure) throw check.failure;
      d.events.push(log('kubelet-start', 'Waiting for the kubelet to perform the TLS Bootstrap'));
      const tokenId = (d.opts.token ?? '').split('.')[0] ?? '';
      // The kubelet registers its Node only once the csrapproving controller approved its CSR.
      const approval = bootstrapCsrApproval(d.state, d.node, tokenId);
      if (approval) registerNode(d);
      const ip = d.opts.advertiseAddress ?? machineOf(d).ip;
      d.state = kubeletTlsBootstrap(d.state, d.machine, d.node, ip, tokenId, d.rng, d.t, approval);
      if (!approval) {
        // waitForTLSBootstrappedClient polls for a usable kubelet.conf until timeouts.tlsBootstrap.
        d.t += TLS_BOOTSTRAP_TIMEOUT_MS;
        d.events.push(text(joinFailMessage('context deadline exceeded')));
        throw new EngineError('Kubeadm', { message: 'context deadline exceeded' });
      }
      d.t += 4 * SEC;
    },
  },
  {
    name: 'control-plane-join',
    short: 'Join a machine as a control plane instance',
    runIf: (d) => d.opts.controlPlane === true,
    phases: [
      {
        name: 'etcd',
        short: 'Add a new local etcd member',
        run: (d) => {
          // phases/join/controlplanejoin.go runEtcdPhase: nothing to add for external etcd.
          if (usesExternalEtcd(d.state)) {
            d.events.push(
              log('control-plane-join', 'Using external etcd - no local stacked instance added'),
            );
            return;
          }
          d.events.push(
            log('etcd', 'Announced new etcd member joining to the existing etcd cluster'),
            log('etcd', 'Creating static Pod manifest for "etcd"'),
          );
          const m = machineOf(d);
          const c = d.state.cluster;
          const manifests = controlPlaneManifests({
            node: d.node,
            ip: d.opts.advertiseAddress ?? m.ip,
            version: c?.version ?? '',
            serviceSubnet: c?.serviceSubnet ?? '10.96.0.0/12',
            podSubnet: c?.podSubnet ?? null,
          });
          putMachine(d, {
            ...m,
            files: {
              ...m.files,
              '/etc/kubernetes/manifests/etcd.yaml': manifests['etcd.yaml'] ?? '',
              '/var/lib/etcd/member/snap/db': '',
            },
          });
          d.state = joinEtcdMember(d.state, m.name, d.node);
        },
      },
      {
        name: 'mark-control-plane',
        short: 'Mark a node as a control-plane',
        run: (d) => {
          d.events.push(...markControlPlaneEvents(d.node));
        },
      },
    ],
  },
];

/** kubeadm's default timeouts.tlsBootstrap (constants.DefaultTLSBootstrapTimeout, 5m0s). */
const TLS_BOOTSTRAP_TIMEOUT_MS = 5 * 60 * SEC;

/** cmd/kubeadm/app/cmd/phases/join/kubelet.go kubeadmJoinFailMsg (dedented), printed to stdout. */
function joinFailMessage(error: string): string {
  return `
Unfortunately, an error has occurred:
\t${error}

This error is likely caused by:
\t- The kubelet is not running
\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)

If you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:
\t- 'systemctl status kubelet'
\t- 'journalctl -xeu kubelet'
`;
}

function registerNode(d: JoinData): void {
  d.state = registerKubeletNode(d.state, {
    machine: d.machine,
    node: d.node,
    controlPlane: d.opts.controlPlane === true,
    t: d.t,
    rng: d.rng,
  });
}

/**
 * The kubelet of a node that got its client certificate registers its Node, and its DaemonSet
 * Pods (kube-proxy, flannel) and static Pods' mirror Pods follow. Also used when a bootstrap CSR
 * is approved by hand after `kubeadm join` gave up waiting (kubeadm/certs/approved-bootstrap.ts).
 */
export function registerKubeletNode(
  state: ClusterState,
  who: {
    readonly machine: string;
    readonly node: string;
    readonly controlPlane: boolean;
    readonly t: number;
    readonly rng: Rng;
  },
): ClusterState {
  const c = state.cluster;
  if (!c) return state;
  const m = getMachine(state, who.machine);
  const t = who.t + 2 * SEC;
  const pod = (namespace: string, name: string, app: PodObject['app']): PodObject => ({
    namespace,
    name,
    app,
    node: who.node,
    createdAt: t,
  });
  const pods: PodObject[] = [
    pod('kube-system', `kube-proxy-${who.rng.pick(NAME_SUFFIX_ALPHABET, 5)}`, 'kube-proxy'),
  ];
  if (c.cni === 'flannel')
    pods.push(
      pod(
        'kube-flannel',
        `kube-flannel-ds-${who.rng.pick(NAME_SUFFIX_ALPHABET, 5)}`,
        'kube-flannel',
      ),
    );
  if (who.controlPlane)
    for (const app of [
      'etcd',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
    ] as const)
      pods.push(pod('kube-system', `${app}-${who.node}`, app));
  const node: NodeObject = {
    name: who.node,
    machine: m.name,
    controlPlane: who.controlPlane,
    createdAt: t,
    kubeletVersion: `v${m.packages.kubelet?.version ?? ''}`,
  };
  // Pods first, then the Node, in the order the old record kept them (resourceVersions follow).
  return putNode(putPods(state, pods), node);
}

const WORKER_DONE = `
This node has joined the cluster:
* Certificate signing request was sent to apiserver and a response was received.
* The Kubelet was informed of the new secure connection details.

Run 'kubectl get nodes' on the control-plane to see this node join the cluster.
`;

const CONTROL_PLANE_DONE = `
This node has joined the cluster and a new control plane instance was created:

* Certificate signing request was sent to apiserver and approval was received.
* The Kubelet was informed of the new secure connection details.
* Control plane label and taint were applied to the new node.
* The Kubernetes control plane instances scaled up.
* A new etcd member was added to the local/stacked etcd cluster.

To start administering your cluster from this node, you need to run the following as a regular user:

\tmkdir -p $HOME/.kube
\tsudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
\tsudo chown $(id -u):$(id -g) $HOME/.kube/config

Run 'kubectl get nodes' to see this node join the cluster.
`;

/** Applies `kubeadm join` on `machine`. */
export function applyKubeadmJoin(
  state: ClusterState,
  machine: string,
  opts: JoinOptions,
): Transition {
  const m = getMachine(state, machine);
  if (opts.token === undefined || !TOKEN_PATTERN.test(opts.token)) {
    return fail(
      new EngineError('Kubeadm', {
        message: `[discovery.bootstrapToken.token: Invalid value: "${opts.token ?? ''}": the bootstrap token "${opts.token ?? ''}" was not of the form "^([a-z0-9]{6})\\.([a-z0-9]{16})$"]`,
      }),
    );
  }
  if (opts.caCertHashes.length === 0 && !opts.unsafeSkipCAVerification) {
    return fail(
      new EngineError('Kubeadm', {
        message:
          'discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue',
      }),
    );
  }
  const rng = createRng(state.rng);
  const data: JoinData = {
    state,
    events: [],
    rng,
    machine,
    node: opts.nodeName ?? m.name,
    opts,
    t: state.now,
  };
  try {
    runPhases(joinPhases, data, opts.skipPhases ?? []);
  } catch (error) {
    const e = isEngineError(error)
      ? error
      : new EngineError('Internal', { message: String(error) });
    return fail(
      e,
      data.events,
      e.params['phase'] === 'preflight'
        ? undefined
        : { ...data.state, now: data.t, rng: rng.state },
    );
  }
  data.events.push(text(opts.controlPlane ? CONTROL_PLANE_DONE : WORKER_DONE));
  return ok({ ...data.state, now: data.t, rng: rng.state }, data.events);
}
