/**
 * The commands of the current kubernetes.io kubeadm pages, in the order a reader types them on the
 * Debian/Ubuntu path, with the pages' placeholders as `{{variables}}` of the release track
 * (`{{prevMinor}}` is the minor installed first, `{{minor}}`/`{{versionNumber}}` the upgrade
 * target) and `<token>`/`<hash>` filled from earlier output. Pages (kubernetes/website,
 * content/en/docs/…):
 * - setup/production-environment/container-runtimes.md
 * - setup/production-environment/tools/kubeadm/install-kubeadm.md
 * - setup/production-environment/tools/kubeadm/create-cluster-kubeadm.md
 * - tasks/administer-cluster/kubeadm/adding-linux-nodes.md (create-cluster-kubeadm's "Joining your nodes")
 * - tasks/administer-cluster/kubeadm/change-package-repository.md
 * - tasks/administer-cluster/kubeadm/kubeadm-upgrade.md
 * - tasks/administer-cluster/kubeadm/upgrading-linux-nodes.md
 * - tasks/administer-cluster/kubeadm/kubeadm-certs.md (on the upgraded cluster)
 */

/** Page ids, each with its kubernetes.io address. */
export const PAGES = {
  'container-runtimes':
    'https://kubernetes.io/docs/setup/production-environment/container-runtimes/',
  'install-kubeadm':
    'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/',
  'create-cluster-kubeadm':
    'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/create-cluster-kubeadm/',
  'adding-linux-nodes':
    'https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/adding-linux-nodes/',
  'change-package-repository':
    'https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/change-package-repository/',
  'kubeadm-upgrade': 'https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/kubeadm-upgrade/',
  'upgrading-linux-nodes':
    'https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/upgrading-linux-nodes/',
  'kubeadm-certs': 'https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/kubeadm-certs/',
} as const;

/** A page id. */
export type PageId = keyof typeof PAGES;

/** One line as a reader types it. */
export interface ReplayLine {
  /** Stable id: `<page>#<n>`, used by the pending list. */
  readonly id: string;
  readonly page: PageId;
  /** Machine the page tells the reader to run it on. */
  readonly on: 'cp-1' | 'worker-1';
  /** The command, multi-line where the page continues it with `\` or a here-document. */
  readonly line: string;
  /** Exit code a real machine gives at this point (default 0). */
  readonly exit?: number;
  /** Output to remember for a later placeholder (`<token>`, `<hash>`). */
  readonly capture?: 'token' | 'hash';
  /** What the reader types at the command's `[y/N]` prompt (given to it on stdin). */
  readonly input?: string;
  /**
   * Set on a step that is not a line of the page but what the reader does another way: why. The
   * harness runs it (an edit the page makes in nano, time passing while the reader waits) so the
   * next page line meets the state it expects; it is not counted as a page line.
   */
  readonly harness?: string;
}

type Spec = Omit<ReplayLine, 'id' | 'page' | 'on'> | string;

function page(id: PageId, on: ReplayLine['on'], specs: readonly Spec[], from = 1): ReplayLine[] {
  return specs.map((s, i) => ({
    id: `${id}@${on}#${from + i}`,
    page: id,
    on,
    ...(typeof s === 'string' ? { line: s } : s),
  }));
}

const runtimePrerequisites = (on: ReplayLine['on']): ReplayLine[] =>
  page('container-runtimes', on, [
    // "Enable IPv4 packet forwarding"
    'cat <<EOF | sudo tee /etc/sysctl.d/k8s.conf\nnet.ipv4.ip_forward = 1\nEOF',
    'sudo sysctl --system',
    'sysctl net.ipv4.ip_forward',
    // containerd: "Configuring the systemd cgroup driver" (the note's reset of config.toml, then the edit)
    'containerd config default > /etc/containerd/config.toml',
    "sudo sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml",
    'sudo systemctl restart containerd',
  ]);

const installKubeadm = (on: ReplayLine['on']): ReplayLine[] =>
  page('install-kubeadm', on, [
    'ip link',
    'sudo cat /sys/class/dmi/id/product_uuid',
    // "Check required ports": nothing listens on 6443 before kubeadm init, so nc fails as on a real machine.
    { line: 'nc 127.0.0.1 6443 -zv -w 2', exit: 1 },
    'sudo swapoff -a',
    'sudo apt-get update',
    'sudo apt-get install -y apt-transport-https ca-certificates curl gpg',
    'curl -fsSL https://pkgs.k8s.io/core:/stable:/{{prevMinor}}/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg',
    "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/{{prevMinor}}/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list",
    'sudo apt-get update',
    'sudo apt-get install -y kubelet kubeadm kubectl',
    'sudo apt-mark hold kubelet kubeadm kubectl',
    'sudo systemctl enable --now kubelet',
  ]);

const changeRepository = (on: ReplayLine['on']): ReplayLine[] =>
  page('change-package-repository', on, [
    'pager /etc/apt/sources.list.d/kubernetes.list',
    {
      line: "sudo sed -i 's|/core:/stable:/{{prevMinor}}/|/core:/stable:/{{minor}}/|' /etc/apt/sources.list.d/kubernetes.list",
      harness: 'the page changes the minor in the URL with `nano` (an editor)',
    },
  ]);

const kubeletKubectl = [
  "sudo apt-mark unhold kubelet kubectl && \\\nsudo apt-get update && sudo apt-get install -y kubelet='{{versionNumber}}-*' kubectl='{{versionNumber}}-*' && \\\nsudo apt-mark hold kubelet kubectl",
  'sudo systemctl daemon-reload',
  'sudo systemctl restart kubelet',
];

const upgradeKubeadm =
  "sudo apt-mark unhold kubeadm && \\\nsudo apt-get update && sudo apt-get install -y kubeadm='{{versionNumber}}-*' && \\\nsudo apt-mark hold kubeadm";

/** Every line, in the order of the Debian path. */
export const REPLAY: readonly ReplayLine[] = [
  ...runtimePrerequisites('cp-1'),
  ...installKubeadm('cp-1'),
  ...runtimePrerequisites('worker-1'),
  ...installKubeadm('worker-1'),
  ...page('create-cluster-kubeadm', 'cp-1', [
    // `kubeadm init <args>` with the Pod CIDR the add-on below (flannel) expects.
    'sudo kubeadm init --pod-network-cidr=10.244.0.0/16',
    'mkdir -p $HOME/.kube',
    'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
    'sudo chown $(id -u):$(id -g) $HOME/.kube/config',
    // `kubectl apply -f <add-on.yaml>`
    'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    {
      line: 'kubelife clock advance 1m',
      harness: 'the reader waits for the Pod network to come up',
    },
    'kubectl get pods --all-namespaces',
  ]),
  ...page('adding-linux-nodes', 'cp-1', [
    'kubeadm token list',
    { line: 'kubeadm token create', capture: 'token' },
    {
      line: "openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl rsa -pubin -outform der 2>/dev/null | \\\n   openssl dgst -sha256 -hex | sed 's/^.* //'",
      capture: 'hash',
    },
  ]),
  ...page(
    'adding-linux-nodes',
    'worker-1',
    [
      'sudo kubeadm join --token <token> 10.0.0.11:6443 --discovery-token-ca-cert-hash sha256:<hash>',
    ],
    4,
  ),
  ...page(
    'adding-linux-nodes',
    'cp-1',
    [
      {
        line: 'kubelife clock advance 1m',
        harness: 'the reader waits for the node to become Ready',
      },
      'kubectl get nodes',
    ],
    5,
  ),
  ...changeRepository('cp-1'),
  ...page('kubeadm-upgrade', 'cp-1', [
    'sudo apt update',
    'sudo apt-cache madison kubeadm',
    upgradeKubeadm,
    'kubeadm version',
    'sudo kubeadm upgrade plan',
    { line: 'sudo kubeadm upgrade apply {{version}}', input: 'y' },
    'kubectl drain cp-1 --ignore-daemonsets',
    ...kubeletKubectl,
    'kubectl uncordon cp-1',
    'kubectl get nodes',
  ]),
  ...changeRepository('worker-1'),
  ...page('upgrading-linux-nodes', 'worker-1', [upgradeKubeadm, 'sudo kubeadm upgrade node']),
  ...page('upgrading-linux-nodes', 'cp-1', ['kubectl drain worker-1 --ignore-daemonsets'], 3),
  ...page('upgrading-linux-nodes', 'worker-1', kubeletKubectl, 4),
  ...page('upgrading-linux-nodes', 'cp-1', ['kubectl uncordon worker-1', 'kubectl get nodes'], 7),
  ...page('kubeadm-certs', 'cp-1', [
    // "Certificate expiry and management", "Manual certificate renewal"
    'kubeadm certs check-expiration',
    'kubeadm certs renew all',
    {
      line: 'for f in /etc/kubernetes/manifests/*.yaml; do mv "$f" /tmp/; done; sleep 20; mv /tmp/etcd.yaml /tmp/kube-apiserver.yaml /tmp/kube-controller-manager.yaml /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/; sleep 20',
      harness:
        'the page says in prose to move the static Pod manifests out of /etc/kubernetes/manifests, wait 20 seconds (fileCheckFrequency) and move them back',
    },
    // "Copying the administrator certificate (optional)": the config exists, so cp -i asks.
    { line: 'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config', input: 'y' },
    'sudo chown $(id -u):$(id -g) $HOME/.kube/config',
    // "Generating kubeconfig files for additional users"
    'kubectl get cm kubeadm-config -n kube-system -o=jsonpath="{.data.ClusterConfiguration}"',
    {
      line: 'cat <<EOF > example.yaml\n# example.yaml\napiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n# Will be used as the target "cluster" in the kubeconfig\nclusterName: "kubernetes"\n# Will be used as the "server" (IP or DNS name) of this cluster in the kubeconfig\ncontrolPlaneEndpoint: "some-dns-address:6443"\n# The cluster CA key and certificate will be loaded from this local directory\ncertificatesDir: "/etc/kubernetes/pki"\nEOF',
      harness: 'the page shows example.yaml; the reader writes it with an editor',
    },
    'kubeadm kubeconfig user --config example.yaml --org appdevs --client-name johndoe --validity-period 24h',
    'kubeadm kubeconfig user --config example.yaml --client-name admin --validity-period 168h',
  ]),
];
