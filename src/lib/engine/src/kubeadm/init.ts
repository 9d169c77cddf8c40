/**
 * `kubeadm init` as a phase tree (cmd/kubeadm/app/cmd/init.go and phases/init/*.go). Each phase
 * logs what real kubeadm prints and updates a working copy of the state; the runner handles
 * paths, --skip-phases and error wrapping.
 */
import { putNamespace } from '../state/namespaces.ts';
import type {
  BootstrapToken,
  CertificateMeta,
  ClusterState,
  Machine,
  NodeObject,
  PodObject,
} from '../model/state.ts';
import { findNode, putNode } from '../state/nodes.ts';
import { putPod, putPods } from '../state/pods.ts';
import type { InitOptions } from '../commands/types.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError, isEngineError } from '../errors.ts';
import { log, text, type EngineEvent } from '../events.ts';
import { createRng, HEX_ALPHABET, NAME_SUFFIX_ALPHABET, type Rng } from '../random.ts';
import { getMachine } from '../state/create.ts';
import { formatRfc3339 } from '../clock.ts';
import { parseVersion, formatVersion } from '../model/version.ts';
import { resolveVersionLabel } from '../model/release-labels.ts';
import { klogPrefix } from './upgrade/common.ts';
import { type Phase, runPhases } from '../workflow/phase.ts';
import { certSubPhases, kubeconfigSubPhases, type CertPhaseData } from './certs/init-phases.ts';
import { addCsr, csrName, issueKubeletClientCert, KUBELET_CLIENT_SIGNER } from './certs/csr.ts';
import { keyById } from '../pki/materialize-plan.ts';
import { waitForKubelet } from './kubelet-check.ts';
import { markControlPlaneEvents } from './mark-control-plane.ts';
import { bootstrapTokenRbacEvents } from './bootstrap-rbac.ts';
import { preflightPhase } from './preflight.ts';
import { controlPlaneManifests, kubeadmFlagsEnv, KUBELET_CONFIG_YAML } from './files.ts';
import { formatJoinCommand, goDuration } from './join-command.ts';
import { newToken } from './tokens.ts';
import { kubeletCanRun, startKubelet } from '../machine/kubelet.ts';
import { imagePullEvents } from './image-pull.ts';
import { setKeyed } from '../model/keyed-map.ts';
import {
  storeBootstrapTokenRbac,
  storeControlPlaneObjects,
  storeCoreDns,
  storeKubeProxy,
  storeUploadConfigRbac,
} from './api-objects/store-init.ts';
import { approveKubeletClientCsr } from '../controllers/csr-approver.ts';
import { podSubnetErrors } from '../config/pod-subnet.ts';

/**
 * Working data shared by the init phases: the certificate phases' data (state, events, rng,
 * machine, node, ip, service subnet, simulated time `t`, certificates in use) plus init's own.
 */
export interface InitData extends CertPhaseData {
  readonly version: string;
  readonly opts: InitOptions;
  readonly endpoint: string;
  token: BootstrapToken | null;
  certificateKey: string | null;
}

const SEC = 1000;
const PKI = '/etc/kubernetes/pki';
const MANIFESTS = '/etc/kubernetes/manifests';

/** The static Pod manifests this init writes (etcd's is not written with external etcd). */
function initManifests(d: InitData): Record<string, string> {
  return controlPlaneManifests({
    node: d.node,
    ip: d.ip,
    version: d.version,
    serviceSubnet: d.serviceSubnet,
    podSubnet: d.opts.podNetworkCidr ?? null,
    externalEtcd: d.opts.externalEtcd ?? null,
  });
}

function machineOf(d: InitData): Machine {
  return getMachine(d.state, d.machine);
}

function putMachine(d: InitData, m: Machine): void {
  d.state = { ...d.state, machines: setKeyed(d.state.machines, d.machine, m) };
}

function writeFiles(
  d: InitData,
  files: Record<string, string>,
  certs: Record<string, CertificateMeta> = {},
): void {
  const m = machineOf(d);
  putMachine(d, { ...m, files: { ...m.files, ...files }, certs: { ...m.certs, ...certs } });
}

function suffix(rng: Rng, n: number): string {
  return rng.pick(NAME_SUFFIX_ALPHABET, n);
}

/** The init phase tree, in upstream order. */
export const initPhases: readonly Phase<InitData>[] = [
  {
    name: 'preflight',
    short: 'Run pre-flight checks',
    run: (d) => {
      preflightPhase(
        machineOf(d),
        {
          kind: 'init',
          controlPlane: true,
          controlPlaneVersion: d.version,
          controlPlaneRunning:
            findNode(d.state, d.node)?.controlPlane === true &&
            machineOf(d).kubelet.active === 'active',
          time: formatRfc3339(d.t),
          kubeadmVersion: machineOf(d).packages.kubeadm?.version ?? '0.0.0',
        },
        d.opts.ignorePreflightErrors ?? [],
        d.events,
      );
      d.events.push(...imagePullEvents('preflight'));
      d.t += 9 * SEC;
    },
  },
  {
    name: 'certs',
    short: 'Certificate generation',
    run: (d) => d.events.push(log('certs', `Using certificateDir folder "${PKI}"`)),
    phases: [
      { name: 'all', short: 'Generate all certificates', hidden: true },
      ...certSubPhases<InitData>(),
    ],
  },
  {
    name: 'kubeconfig',
    short:
      'Generate all kubeconfig files necessary to establish the control plane and the admin kubeconfig file',
    run: (d) => d.events.push(log('kubeconfig', 'Using kubeconfig folder "/etc/kubernetes"')),
    phases: kubeconfigSubPhases<InitData>(),
  },
  {
    name: 'etcd',
    short: 'Generate static Pod manifest file for local etcd',
    phases: [
      {
        name: 'local',
        short: 'Generate the static Pod manifest file for a local, single-node local etcd instance',
        run: (d) => {
          // phases/init/etcd.go runEtcdPhaseLocal: external etcd only logs at klog V(1).
          if (d.opts.externalEtcd) return;
          d.events.push(
            log('etcd', `Creating static Pod manifest for local etcd in "${MANIFESTS}"`),
          );
          writeFiles(d, {
            [`${MANIFESTS}/etcd.yaml`]: initManifests(d)['etcd.yaml'] ?? '',
            '/var/lib/etcd/member/snap/db': '',
          });
        },
      },
    ],
  },
  {
    name: 'control-plane',
    short: 'Generate all static Pod manifest files necessary to establish the control plane',
    run: (d) => d.events.push(log('control-plane', `Using manifest folder "${MANIFESTS}"`)),
    phases: (['apiserver', 'controller-manager', 'scheduler'] as const).map((c) => ({
      name: c,
      short: `Generates the kube-${c} static Pod manifest`,
      run: (d: InitData) => {
        d.events.push(log('control-plane', `Creating static Pod manifest for "kube-${c}"`));
        const manifests = initManifests(d);
        writeFiles(d, { [`${MANIFESTS}/kube-${c}.yaml`]: manifests[`kube-${c}.yaml`] ?? '' });
      },
    })),
  },
  {
    name: 'kubelet-start',
    short: 'Write kubelet settings and (re)start the kubelet',
    run: (d) => {
      d.events.push(
        log(
          'kubelet-start',
          'Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
        ),
      );
      const files: Record<string, string> = {
        '/var/lib/kubelet/kubeadm-flags.env': kubeadmFlagsEnv(d.version),
        '/var/lib/kubelet/config.yaml': KUBELET_CONFIG_YAML,
      };
      if (parseVersion(d.version).minor >= 35) {
        // v1.35+ writes the instance-specific config and merges it as a patch.
        d.events.push(
          log(
            'kubelet-start',
            'Writing kubelet configuration to file "/var/lib/kubelet/instance-config.yaml"',
          ),
          log(
            'patches',
            'Applied patch of type "application/strategic-merge-patch+json" to target "kubeletconfiguration"',
          ),
        );
        files['/var/lib/kubelet/instance-config.yaml'] =
          'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncontainerRuntimeEndpoint: unix:///var/run/containerd/containerd.sock\n';
      }
      d.events.push(
        log(
          'kubelet-start',
          'Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
        ),
        log('kubelet-start', 'Starting the kubelet'),
      );
      writeFiles(d, files);
      putMachine(d, startKubelet(machineOf(d), d.t));
    },
  },
  {
    name: 'wait-control-plane',
    short: 'Wait for the control plane to start',
    run: (d) => {
      d.events.push(
        log(
          'wait-control-plane',
          `Waiting for the kubelet to boot up the control plane as static Pods from directory "${MANIFESTS}"`,
        ),
        log(
          'kubelet-check',
          'Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
        ),
      );
      const check = waitForKubelet(kubeletCanRun(machineOf(d)), d.rng);
      d.t += check.waitedMs;
      d.events.push(...check.events);
      if (check.failure) {
        d.events.push(text(KUBELET_FAIL_HELP, 'stderr'));
        throw check.failure;
      }
      d.events.push(
        log(
          'control-plane-check',
          'Waiting for healthy control plane components. This can take up to 4m0s',
        ),
        log('control-plane-check', `Checking kube-apiserver at https://${d.ip}:6443/livez`),
        log(
          'control-plane-check',
          'Checking kube-controller-manager at https://127.0.0.1:10257/healthz',
        ),
        log('control-plane-check', 'Checking kube-scheduler at https://127.0.0.1:10259/livez'),
      );
      const cm = 1_500_000_000 + d.rng.int(2_000_000_000);
      const sched = 1_500_000_000 + d.rng.int(2_000_000_000);
      const api = Math.max(cm, sched) + 1_000_000_000 + d.rng.int(1_500_000_000);
      const checks = [
        { name: 'kube-controller-manager', ns: cm },
        { name: 'kube-scheduler', ns: sched },
        { name: 'kube-apiserver', ns: api },
      ].sort((a, b) => a.ns - b.ns);
      for (const c of checks)
        d.events.push(log('control-plane-check', `${c.name} is healthy after ${goDuration(c.ns)}`));
      registerControlPlaneNode(d);
      d.t += Math.ceil(api / 1_000_000);
      d.state = storeControlPlaneObjects(d.state, d.t);
    },
  },
  {
    name: 'upload-config',
    short: 'Upload the kubeadm and kubelet configuration to a ConfigMap',
    phases: [
      {
        name: 'kubeadm',
        short: 'Upload the kubeadm ClusterConfiguration to a ConfigMap',
        run: (d) => {
          d.events.push(
            log(
              'upload-config',
              'Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace',
            ),
          );
          d.state = storeUploadConfigRbac(d.state, d.t, 'kubeadm');
        },
      },
      {
        name: 'kubelet',
        short: 'Upload the kubelet component config to a ConfigMap',
        run: (d) => {
          d.events.push(
            log(
              'kubelet',
              'Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster',
            ),
          );
          d.state = storeUploadConfigRbac(d.state, d.t, 'kubelet');
        },
      },
    ],
  },
  {
    name: 'upload-certs',
    short: 'Upload certificates to kubeadm-certs',
    run: (d) => {
      if (!d.opts.uploadCerts) {
        d.events.push(log('upload-certs', 'Skipping phase. Please see --upload-certs'));
        return;
      }
      d.certificateKey = d.rng.pick(HEX_ALPHABET, 64);
      d.events.push(
        log(
          'upload-certs',
          'Storing the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace',
        ),
        log('upload-certs', 'Using certificate key:'),
        text(d.certificateKey),
      );
    },
  },
  {
    name: 'mark-control-plane',
    short: 'Mark a node as a control-plane',
    run: (d) => {
      d.events.push(...markControlPlaneEvents(d.node));
    },
  },
  {
    name: 'bootstrap-token',
    short: 'Generates bootstrap tokens used to join a node to a cluster',
    run: (d) => {
      const ttl = d.opts.tokenTtlMs ?? 24 * 3600 * SEC;
      d.token = newToken(
        d.rng,
        d.t,
        ttl,
        "The default bootstrap token generated by 'kubeadm init'.",
      );
      d.events.push(
        log('bootstrap-token', `Using token: ${d.token.id}.${d.token.secret}`),
        log('bootstrap-token', 'Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles'),
        ...bootstrapTokenRbacEvents(),
        log(
          'bootstrap-token',
          'Creating the "cluster-info" ConfigMap in the "kube-public" namespace',
        ),
      );
      d.state = storeBootstrapTokenRbac(d.state, d.t);
    },
  },
  {
    name: 'kubelet-finalize',
    short: 'Updates settings relevant to the kubelet after TLS bootstrap',
    phases: [
      {
        name: 'enable-client-cert-rotation',
        short: 'Enable kubelet client certificate rotation',
        run: (d) => {
          d.events.push(
            log(
              'kubelet-finalize',
              'Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key',
            ),
          );
          finalizeKubeletClientCert(d);
        },
      },
    ],
  },
  {
    name: 'addon',
    short: 'Install required addons for passing conformance tests',
    phases: [
      {
        name: 'coredns',
        short: 'Install the CoreDNS addon to a Kubernetes cluster',
        run: (d) => addCoreDNS(d),
      },
      {
        name: 'kube-proxy',
        short: 'Install the kube-proxy addon to a Kubernetes cluster',
        run: (d) => addKubeProxy(d),
      },
    ],
  },
  {
    name: 'show-join-command',
    short: 'Show the join command for control-plane and worker node',
    run: (d) => d.events.push(text(initDone(d))),
  },
];

/**
 * The init node's kubelet rotates away from the certificate kubeadm embedded in kubelet.conf: it
 * asks for a client certificate with a CSR (auto-approved) and keeps it in
 * kubelet-client-current.pem, which kubelet.conf then references. (A fresh cluster's
 * `kubectl get csr` shows this request from system:node:<name>; unsure whether every version does.)
 */
function finalizeKubeletClientCert(d: InitData): void {
  const m = machineOf(d);
  if (!d.state.cluster || m.files['/etc/kubernetes/kubelet.conf'] === undefined) return;
  const fork = createRng(Math.floor(d.rng.next() * 4294967296));
  const issued = issueKubeletClientCert(d.state, m, d.node, d.ip, fork, d.t);
  const conf = (issued.files['/etc/kubernetes/kubelet.conf'] ?? '')
    .replace(
      /client-certificate-data: \S+/,
      'client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem',
    )
    .replace(/client-key-data: \S+/, 'client-key: /var/lib/kubelet/pki/kubelet-client-current.pem');
  putMachine(d, { ...issued, files: { ...issued.files, '/etc/kubernetes/kubelet.conf': conf } });
  // The csrapproving controller decides it ("selfnodeclient": kubeadm's
  // kubeadm:node-autoapprove-certificate-rotation binding lets system:nodes renew their own).
  const requestor = `system:node:${d.node}`;
  const groups = ['system:nodes', 'system:authenticated'];
  const approval = approveKubeletClientCsr(d.state, {
    signerName: KUBELET_CLIENT_SIGNER,
    username: requestor,
    groups,
    commonName: requestor,
  });
  d.state = addCsr(d.state, {
    name: csrName(fork, false),
    signerName: KUBELET_CLIENT_SIGNER,
    requestor,
    groups,
    createdAt: d.t,
    requestedDurationMs: null,
    condition: approval ? 'Approved,Issued' : 'Pending',
    node: d.node,
  });
}

function registerControlPlaneNode(d: InitData): void {
  const m = machineOf(d);
  // Phases run one by one (`kubeadm init phase …`) find the CA on disk, not in this run's data.
  const ca = d.certs['ca'] ?? m.certs['/etc/kubernetes/pki/ca.crt'];
  const key = ca ? keyById(ca.keyId) : undefined;
  const registered = d.t + 3 * SEC;
  const apps = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
  // External etcd: no etcd static Pod on this node.
  const mirrors: PodObject[] = apps
    .filter((a) => !(d.opts.externalEtcd && a === 'etcd'))
    .map((app) => ({
      namespace: 'kube-system',
      name: `${app}-${d.node}`,
      app,
      node: d.node,
      createdAt: registered,
    }));
  const created: ClusterState = {
    ...d.state,
    cluster: {
      version: d.version,
      endpoint: d.endpoint,
      controlPlaneEndpoint: d.opts.controlPlaneEndpoint ?? null,
      podSubnet: d.opts.podNetworkCidr ?? null,
      serviceSubnet: d.serviceSubnet,
      caKeyId: ca?.keyId ?? '',
      caHash: key?.spkiSha256Hex ?? '',
      certificateKey: null,
      tokens: [],
      cni: null,
      ...(d.opts.externalEtcd ? { externalEtcd: d.opts.externalEtcd } : {}),
    },
  };
  const node: NodeObject = {
    name: d.node,
    machine: m.name,
    controlPlane: true,
    createdAt: registered,
    kubeletVersion: `v${m.packages.kubelet?.version ?? ''}`,
  };
  // kube-apiserver's system namespaces (pkg/controlplane/controller/systemnamespaces).
  const withNamespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].reduce(
    (s, ns) => putNamespace(s, ns, { createdAt: registered }),
    created,
  );
  d.state = putPods(putNode(withNamespaces, node), mirrors);
}

function addCoreDNS(d: InitData): void {
  const c = d.state.cluster;
  if (!c) return;
  const rs = d.rng.pick(NAME_SUFFIX_ALPHABET, 10);
  let s = d.state;
  for (let i = 0; i < 2; i++) {
    const name = `coredns-${rs}-${suffix(d.rng, 5)}`;
    s = putPod(s, { namespace: 'kube-system', name, app: 'coredns', node: null, createdAt: d.t });
  }
  d.state = storeCoreDns(s, d.t, rs);
  d.events.push(log('addons', 'Applied essential addon: CoreDNS'));
}

function addKubeProxy(d: InitData): void {
  const c = d.state.cluster;
  if (!c) return;
  const name = `kube-proxy-${suffix(d.rng, 5)}`;
  const proxy: PodObject = {
    namespace: 'kube-system',
    name,
    app: 'kube-proxy',
    node: d.node,
    createdAt: d.t,
  };
  d.state = storeKubeProxy(putPod(d.state, proxy), d.t);
  d.events.push(log('addons', 'Applied essential addon: kube-proxy'));
}

function initDone(d: InitData): string {
  const c = d.state.cluster;
  // `kubeadm init phase show-join-command` on its own shows the newest existing token.
  const latest = d.token ?? c?.tokens.at(-1) ?? null;
  const token = latest ? `${latest.id}.${latest.secret}` : '';
  const join = { endpoint: d.endpoint, token, caHash: c?.caHash ?? '' };
  const lines = [
    '',
    'Your Kubernetes control-plane has initialized successfully!',
    '',
    'To start using your cluster, you need to run the following as a regular user:',
    '',
    '  mkdir -p $HOME/.kube',
    '  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
    '  sudo chown $(id -u):$(id -g) $HOME/.kube/config',
    '',
    'Alternatively, if you are the root user, you can run:',
    '',
    '  export KUBECONFIG=/etc/kubernetes/admin.conf',
    '',
    'You should now deploy a pod network to the cluster.',
    'Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:',
    '  https://kubernetes.io/docs/concepts/cluster-administration/addons/',
    '',
  ];
  if (d.opts.controlPlaneEndpoint) {
    const cp = formatJoinCommand({ ...join, controlPlane: true, certificateKey: d.certificateKey });
    if (d.opts.uploadCerts) {
      lines.push(
        'You can now join any number of the control-plane node running the following command on each as root:',
        '',
        `  ${cp}`,
        '',
        'Please note that the certificate-key gives access to cluster sensitive data, keep it secret!',
        'As a safeguard, uploaded-certs will be deleted in two hours; If necessary, you can use',
        '"kubeadm init phase upload-certs --upload-certs" to reload certs afterward.',
        '',
      );
    } else {
      lines.push(
        'You can now join any number of control-plane nodes by copying certificate authorities',
        'and service account keys on each node and then running the following as root:',
        '',
        `  ${cp}`,
        '',
      );
    }
  }
  lines.push(
    'Then you can join any number of worker nodes by running the following on each as root:',
    '',
    formatJoinCommand(join),
  );
  return lines.join('\n');
}

const KUBELET_FAIL_HELP = `
Unfortunately, an error has occurred, likely caused by:
\t- The kubelet is not running
\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)

If you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:
\t- 'systemctl status kubelet'
\t- 'journalctl -xeu kubelet'
`;

/** A release label (`stable-1`, `latest-1.36`, `ci/latest`, …) rather than a version. */
const LABEL = /^(release\/|ci\/)?(stable|latest)(-\d+(\.\d+)?)?$/;

/**
 * The control-plane version `kubeadm init` deploys (cmd/kubeadm/app/util/config NormalizeKubernetesVersion):
 * a label (default `stable-1`) is resolved like kubeadm does online (util/version.go: a remote
 * release of a newer minor than kubeadm falls back to `stable-<kubeadm minor>`, with its `I…`
 * log lines in `info`), then versions older than kubeadm's minor - 1 are refused.
 * @throws EngineError Kubeadm for a malformed or too old version
 */
export function resolveInitVersion(
  requested: string | undefined,
  kubeadmVersion: string,
): { version: string; info: readonly string[]; warnings: readonly string[] } {
  const raw = requested ?? 'stable-1';
  let resolved: { version: string; info: readonly string[]; warnings: readonly string[] } = {
    version: kubeadmVersion,
    info: [],
    warnings: [],
  };
  let v;
  try {
    // A kubeadm without a version (v0.0.0, a "super-custom build") deploys its own version.
    if (LABEL.test(raw) && kubeadmVersion !== 'v0.0.0')
      resolved = resolveVersionLabel(raw, kubeadmVersion);
    v = parseVersion(LABEL.test(raw) ? resolved.version : raw);
  } catch {
    throw new EngineError('Kubeadm', {
      message: `version "${raw}" doesn't match patterns for neither semantic version nor labels (stable, latest, ...)`,
    });
  }
  const k = parseVersion(kubeadmVersion);
  if (v.major < k.major || (v.major === k.major && v.minor < k.minor - 1)) {
    throw new EngineError('Kubeadm', {
      message: `this version of kubeadm only supports deploying clusters with the control plane version >= ${k.major}.${k.minor - 1}.0. Current version: ${formatVersion(v)}`,
    });
  }
  return { ...resolved, version: formatVersion(v) };
}

/** Applies `kubeadm init` on `machine`. */
export function applyKubeadmInit(
  state: ClusterState,
  machine: string,
  opts: InitOptions,
): Transition {
  const m = getMachine(state, machine);
  const kubeadmVersion = `v${m.packages.kubeadm?.version ?? '0.0.0'}`;
  let version: string;
  let versionLog: EngineEvent[];
  try {
    const resolved = resolveInitVersion(opts.kubernetesVersion, kubeadmVersion);
    version = resolved.version;
    // util/version.go logs through klog on stderr before init prints anything itself.
    versionLog = [
      ...resolved.warnings.map((w, i) =>
        text(`${klogPrefix('W', state.now, 402113 + i, `version.go:${104 + i}`)}${w}`, 'stderr'),
      ),
      ...resolved.info.map((line, i) =>
        text(`${klogPrefix('I', state.now, 739721 + i, 'version.go:260')}${line}`, 'stderr'),
      ),
    ];
  } catch (error) {
    return fail(
      isEngineError(error) ? error : new EngineError('Internal', { message: String(error) }),
    );
  }
  // ValidateInitConfiguration runs on the defaulted configuration, before init prints anything.
  const subnet = opts.podNetworkCidr ?? '';
  const invalid = subnet === '' ? [] : podSubnetErrors(subnet);
  if (invalid.length > 0)
    return fail(
      new EngineError('Kubeadm', {
        message: invalid.length === 1 ? (invalid[0] ?? '') : `[${invalid.join(', ')}]`,
      }),
      versionLog,
    );
  const rng = createRng(state.rng);
  const ip = opts.advertiseAddress ?? m.ip;
  const endpoint = opts.controlPlaneEndpoint
    ? opts.controlPlaneEndpoint.includes(':')
      ? opts.controlPlaneEndpoint
      : `${opts.controlPlaneEndpoint}:6443`
    : `${ip}:6443`;
  const data: InitData = {
    state,
    // cmd/kubeadm/app/cmd/init.go prints this in the init command itself, not in phase subcommands.
    events:
      opts.onlyPhase === undefined
        ? [...versionLog, log('init', `Using Kubernetes version: ${version}`)]
        : [],
    rng,
    machine,
    node: opts.nodeName ?? m.name,
    ip,
    version,
    opts,
    endpoint,
    serviceSubnet: opts.serviceCidr ?? '10.96.0.0/12',
    controlPlaneEndpoint: opts.controlPlaneEndpoint,
    externalEtcd: opts.externalEtcd !== undefined,
    t: state.now,
    certs: {},
    token: null,
    certificateKey: null,
  };
  try {
    runPhases(initPhases, data, opts.skipPhases ?? [], opts.onlyPhase);
  } catch (error) {
    const e = isEngineError(error)
      ? error
      : new EngineError('Internal', { message: String(error) });
    const failedEarly = e.code === 'KubeadmPhase' && e.params['phase'] === 'preflight';
    const partial = { ...data.state, now: data.t, rng: rng.state };
    return failedEarly ? fail(e, data.events) : fail(e, data.events, partial);
  }
  let next: ClusterState = { ...data.state, now: data.t + 2 * SEC, rng: rng.state };
  if (next.cluster) {
    next = {
      ...next,
      cluster: {
        ...next.cluster,
        tokens: data.token ? [...next.cluster.tokens, data.token] : next.cluster.tokens,
        certificateKey: data.certificateKey
          ? { key: data.certificateKey, expires: data.t + 2 * 3600 * SEC }
          : null,
      },
    };
  }
  return ok(next, data.events);
}
