/**
 * The PKI side of kubeadm and kubectl: `kubeadm certs check-expiration|renew|certificate-key`,
 * `kubectl get csr`, `kubectl certificate approve|deny`, and the TLS checks kubectl makes before
 * talking to the API server (expired serving / client certificates on the simulated clock).
 * Upstream: cmd/kubeadm/app/cmd/certs.go, staging/src/k8s.io/kubectl/pkg/cmd/certificates.
 */
import { csrList } from '../../src/index.ts';
import { normalizePath, createRng, parseVersion } from '../../src/index.ts';
import { HEX_ALPHABET } from '../../src/random.ts';
import type { ClusterState } from '../../src/index.ts';
import { formatCheckExpiration } from '../../src/pki/check-expiration.ts';
import { expirationRows } from '../../src/kubeadm/certs/renewal.ts';
import { clientCertificateExpired, servingCertificateError } from '../../src/kubeadm/certs/tls.ts';
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';
import { unauthorizedText } from './kubectl-discovery-error.ts';

/** The kubeconfig kubectl would load (client-go: --kubeconfig, KUBECONFIG, ~/.kube/config). */
export function kubeconfigPath(inv: Invocation, explicit: string | undefined): string | null {
  const m = findMachine(inv.ctx.state, inv.machine);
  if (!m) return null;
  const home = inv.ctx.env['HOME'] ?? '/root';
  const candidates =
    explicit !== undefined
      ? [explicit]
      : inv.ctx.env['KUBECONFIG']
        ? (inv.ctx.env['KUBECONFIG'] ?? '').split(':')
        : [`${home}/.kube/config`];
  for (const c of candidates) {
    const path = normalizePath(c.startsWith('/') ? c : `${home}/${c}`);
    if (m.files[path] !== undefined) return path;
  }
  return null;
}

function serverOf(state: ClusterState, machine: string, path: string): string | null {
  return (
    /server: https:\/\/(\S+)/.exec(findMachine(state, machine)?.files[path] ?? '')?.[1] ?? null
  );
}

/**
 * The error a TLS client gets from the API server behind `path`, or null: the serving
 * certificate first (handshake), then the client certificate (401).
 */
export function tlsError(
  state: ClusterState,
  machine: string,
  path: string,
): { kind: 'tls' | 'unauthorized'; message: string } | null {
  const server = serverOf(state, machine, path);
  const m = findMachine(state, machine);
  if (server === null || !m) return null;
  const serving = servingCertificateError(state, server);
  if (serving) return { kind: 'tls', message: `Unable to connect to the server: ${serving}` };
  if (clientCertificateExpired(state, m, path)) {
    const kubectl = (m.packages.kubectl?.version ?? state.cluster?.version ?? 'v1.34.0').replace(
      /-.*$/,
      '',
    );
    return { kind: 'unauthorized', message: unauthorizedText(kubectl, state.now) };
  }
  return null;
}

/** kubectl's check after the connection succeeded; prints the error and returns false on failure. */
export function kubectlTlsOk(inv: Invocation, explicit: string | undefined): boolean {
  const path = kubeconfigPath(inv, explicit);
  const error = path === null ? null : tlsError(inv.ctx.state, inv.machine, path);
  if (error) inv.io.err(error.message);
  return error === null;
}

function readingConfiguration(inv: Invocation, prefix: string): string[] {
  const admin = '/etc/kubernetes/admin.conf';
  const state = inv.ctx.state;
  if (findMachine(state, inv.machine)?.files[admin] === undefined) return [];
  // configutil.FetchInitConfigurationFromCluster (cmd/kubeadm/app/util/config/cluster.go) prints
  // these two lines before reading; kubeadm v1.35 renamed the re-upload phase to
  // `upload-config kubeadm` (the same wording reset and join print, src/kubeadm/reset.ts).
  const kubeadm = findMachine(state, inv.machine)?.packages.kubeadm?.version ?? '1.35.0';
  const reupload =
    parseVersion(`v${kubeadm}`).minor >= 35 ? 'upload-config kubeadm' : 'upload-config';
  const lines = [
    `[${prefix}] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...`,
    `[${prefix}] Use 'kubeadm init phase ${reupload} --config your-config-file' to re-upload it.`,
  ];
  if (!state.cluster || tlsError(state, inv.machine, admin) !== null) {
    lines.push(
      `[${prefix}] Error reading configuration from the Cluster. Falling back to default configuration`,
    );
  }
  return [...lines, ''];
}

const CERTS_FLAGS: FlagSpec[] = [
  {
    name: 'cert-dir',
    type: 'string',
    usage: 'The path where to save the certificates (default "/etc/kubernetes/pki")',
  },
  { name: 'config', type: 'string', usage: 'Path to a kubeadm configuration file.' },
  {
    name: 'kubeconfig',
    type: 'string',
    usage:
      'The kubeconfig file to use when talking to the cluster. (default "/etc/kubernetes/admin.conf")',
  },
];

const RENEW_NAMES = [
  'admin.conf',
  'all',
  'apiserver',
  'apiserver-etcd-client',
  'apiserver-kubelet-client',
  'controller-manager.conf',
  'etcd-healthcheck-client',
  'etcd-peer',
  'etcd-server',
  'front-proxy-client',
  'scheduler.conf',
  'super-admin.conf',
];

/** `kubeadm certs …` (same shape as the other kubeadm subcommands). */
export const certsSub = {
  name: 'certs',
  short: 'Commands related to handling Kubernetes certificates',
  usage: 'kubeadm certs [command]',
  flags: CERTS_FLAGS,
  run(inv: Invocation, p: ParsedFlags): number {
    const [sub, target, ...extra] = p.positionals;
    const state = inv.ctx.state;
    const m = findMachine(state, inv.machine);
    if (!m) return 1;
    if (sub === 'check-expiration') {
      for (const line of readingConfiguration(inv, 'check-expiration')) inv.io.out(line);
      const { certificates, authorities } = expirationRows(m);
      inv.io.out(formatCheckExpiration(certificates, authorities, state.now).replace(/\n$/, ''));
      return 0;
    }
    if (sub === 'renew') {
      if (target === undefined || !RENEW_NAMES.includes(target) || extra.length > 0) {
        inv.io.err(
          target === undefined
            ? 'missing subcommand; "renew" is not meant to be run on its own'
            : `unknown command "${target}" for "kubeadm certs renew"`,
        );
        inv.io.err('To see the stack trace of this error execute with --v=5 or higher');
        return 1;
      }
      const t = inv.apply({
        type: 'kubeadm.certs.renew',
        machine: inv.machine,
        name: target,
        header: readingConfiguration(inv, 'renew'),
      });
      return t.ok ? 0 : 1;
    }
    if (sub === 'certificate-key') {
      // copycerts.CreateCertificateKey: 32 random bytes, hex. Drawn from a throwaway RNG copy so
      // printing a key changes nothing else.
      inv.io.out(createRng(state.rng ^ 0x5bd1e995).pick(HEX_ALPHABET, 64));
      return 0;
    }
    inv.io.out(`Commands related to handling Kubernetes certificates

Usage:
  kubeadm certs [command]

Aliases:
  certs, certificates

Available Commands:
  certificate-key  Generate certificate keys
  check-expiration Check certificates expiration for a Kubernetes cluster
  generate-csr     Generate keys and certificate signing requests
  renew            Renew certificates for a Kubernetes cluster

Flags:
  -h, --help   help for certs

Use "kubeadm certs [command] --help" for more information about a command.`);
    return sub === undefined ? 0 : 1;
  },
};

/** `kubectl certificate approve|deny NAME…`. */
export function certificateCmd(inv: Invocation, p: ParsedFlags): number {
  const [verb, ...names] = p.positionals;
  if (verb !== 'approve' && verb !== 'deny') {
    inv.io.err(
      verb === undefined
        ? 'Modify certificate resources.\n\nAvailable Commands:\n  approve     Approve a certificate signing request\n  deny        Deny a certificate signing request\n\nUsage:\n  kubectl certificate SUBCOMMAND [options]'
        : `error: unknown command "${verb}" for "kubectl certificate"`,
    );
    return verb === undefined ? 0 : 1;
  }
  if (names.length === 0) {
    inv.io.err(`error: one or more CSRs must be specified as <name> or -f <filename>`);
    return 1;
  }
  const csrs = csrList(inv.ctx.state);
  let code = 0;
  const found = names.filter((n) => csrs.some((c) => c.name === n));
  for (const n of names.filter((x) => !found.includes(x))) {
    inv.io.err(
      `Error from server (NotFound): certificatesigningrequests.certificates.k8s.io "${n}" not found`,
    );
    code = 1;
  }
  if (found.length > 0)
    inv.apply({ type: 'kubectl.certificate', names: found, approve: verb === 'approve' });
  for (const n of found)
    inv.io.out(
      `certificatesigningrequest.certificates.k8s.io/${n} ${verb === 'approve' ? 'approved' : 'denied'}`,
    );
  return code;
}

/** Flags of `kubectl certificate`. */
export const CERTIFICATE_FLAGS: FlagSpec[] = [
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
];
