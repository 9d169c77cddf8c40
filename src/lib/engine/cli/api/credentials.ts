/**
 * The served API's TLS material, all from the simulated cluster's PKI (real PEMs via the
 * materialiser): the cluster CA, kube-apiserver's serving certificate and key, and the admin
 * client certificate of /etc/kubernetes/admin.conf; and the kubeconfig that points a client at
 * https://127.0.0.1:PORT. The apiserver certificate names `kubernetes` but not 127.0.0.1, so
 * the kubeconfig sets `tls-server-name: kubernetes` (client-go and client libraries verify that
 * name instead of the address).
 */
import { parse } from 'yaml';
import { findMachine, keyedEntries, type ClusterState } from '../../src/index.ts';
import { defaultMaterializer } from '../../shell/index.ts';

/** PEMs of the served API and its admin client. */
export interface ClusterCredentials {
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

const PKI = '/etc/kubernetes/pki';

/**
 * Reads the credentials from the first control-plane machine (the one with an apiserver
 * certificate and admin.conf). Throws when the cluster has no control plane yet.
 */
export async function clusterCredentials(state: ClusterState): Promise<ClusterCredentials> {
  const cp = [...keyedEntries(state.machines)].find(
    ([, m]) =>
      m.files[`${PKI}/apiserver.crt`] !== undefined &&
      m.files['/etc/kubernetes/admin.conf'] !== undefined,
  );
  if (!cp)
    throw new Error(
      'serve --api needs a cluster: the scenario has no control plane with an apiserver certificate and admin.conf (try --scenario workers-joined)',
    );
  const [name, machine] = cp;
  const pem = (path: string): Promise<string> =>
    defaultMaterializer(state, name, machine.files[path] ?? '');
  const client = await clientCredentials(state, name, '/etc/kubernetes/admin.conf');
  return {
    ca: await pem(`${PKI}/ca.crt`),
    serverCert: await pem(`${PKI}/apiserver.crt`),
    serverKey: await pem(`${PKI}/apiserver.key`),
    ...(client ?? { clientCert: '', clientKey: '' }),
  };
}

/**
 * The client certificate and key a kubeconfig on a simulated machine holds (embedded data), or
 * null when the file is absent or holds none.
 */
export async function clientCredentials(
  state: ClusterState,
  machine: string,
  path: string,
): Promise<{ clientCert: string; clientKey: string } | null> {
  const content = findMachine(state, machine)?.files[path];
  if (content === undefined) return null;
  let doc: { users?: Array<{ user?: Record<string, string> }> };
  try {
    doc = parse(await defaultMaterializer(state, machine, content)) as typeof doc;
  } catch {
    return null;
  }
  const user = doc.users?.[0]?.user ?? {};
  const b64 = (v: string | undefined): string => Buffer.from(v ?? '', 'base64').toString('utf8');
  if (user['client-certificate-data'] === undefined) return null;
  return {
    clientCert: b64(user['client-certificate-data']),
    clientKey: b64(user['client-key-data']),
  };
}

/**
 * The kubeconfig for `url`, with the same cluster, user and context names as admin.conf;
 * `verify` false skips server certificate verification (clock outside its validity).
 */
export function kubeconfigFor(c: ClusterCredentials, url: string, verify = true): string {
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const cluster = verify
    ? `    certificate-authority-data: ${b64(c.ca)}
    server: ${url}
    tls-server-name: kubernetes`
    : `    insecure-skip-tls-verify: true
    server: ${url}`;
  return `apiVersion: v1
clusters:
- cluster:
${cluster}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: ${b64(c.clientCert)}
    client-key-data: ${b64(c.clientKey)}
`;
}
