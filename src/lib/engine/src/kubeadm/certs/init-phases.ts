/**
 * `kubeadm init` phases `certs/*` and `kubeconfig/*`, driven by the PKI module's specs and
 * planner (one source of truth). Log lines: cmd/kubeadm/app/cmd/phases/init/certs.go (runCAPhase,
 * runCertPhase, runCertsSa), phases/certs/certs.go (serving SAN line),
 * phases/kubeconfig/kubeconfig.go (createKubeConfigFileIfNotExists).
 */
import type { CertificateMeta, Machine } from '../../model/state.ts';
import type { Phase } from '../../workflow/phase.ts';
import { log, type EngineEvent } from '../../events.ts';
import { createRng, type Rng } from '../../random.ts';
import { CERTIFICATE_SPECS, PKI_DIR } from '../../pki/specs.ts';
import type { CertificatePlan, CertificateSpec, KeyPairMeta } from '../../pki/specs.ts';
import { createKeyPicker, planCertificates } from '../../pki/plan-certificates.ts';
import { certificateFiles, serviceAccountFiles } from './refs.ts';
import { usedKeyIds } from './csr.ts';
import type { ClusterState } from '../../model/state.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

/** What the certificate phases need from the init (or join) workflow data. */
export interface CertPhaseData {
  state: ClusterState;
  readonly events: EngineEvent[];
  readonly rng: Rng;
  readonly machine: string;
  readonly node: string;
  readonly ip: string;
  readonly serviceSubnet: string;
  readonly controlPlaneEndpoint?: string | undefined;
  t: number;
  /** Certificates in use by name (`ca`, `apiserver`, `admin.conf`…). */
  certs: Record<string, CertificateMeta>;
  /** The plan, computed once on first use. */
  plan?: CertificatePlan;
  /** ClusterConfiguration etcd.external is set: no etcd certificates are generated. */
  readonly externalEtcd?: boolean;
}

function machineOf(d: CertPhaseData): Machine {
  const m = findMachine(d.state, d.machine);
  if (!m) throw new Error(`no machine ${d.machine}`);
  return m;
}

function write(
  d: CertPhaseData,
  files: Record<string, string>,
  certs: Record<string, CertificateMeta>,
): void {
  const m = machineOf(d);
  d.state = {
    ...d.state,
    machines: setKeyed(d.state.machines, d.machine, {
      ...m,
      files: { ...m.files, ...files },
      certs: { ...m.certs, ...certs },
    }),
  };
}

/** CAs already on disk (their .crt exists): reused instead of generated. */
function existingCAs(m: Machine): CertificateMeta[] {
  return (
    Object.entries(m.certs)
      // Only kubeadm's certificate directory counts (a CA made with openssl in /root does not).
      .filter(
        ([path, c]) =>
          c.isCA &&
          m.files[path] !== undefined &&
          path === c.path &&
          path.startsWith(`${PKI_DIR}/`),
      )
      .map(([, c]) => c)
  );
}

/** External CA mode: ca.crt present without ca.key (phases/certs/certs.go UsingExternalCA). */
export function usingExternalCA(m: Machine): boolean {
  return m.files[`${PKI_DIR}/ca.crt`] !== undefined && m.files[`${PKI_DIR}/ca.key`] === undefined;
}

/** Plans every certificate of this node once, from the state at the time of the first use. */
export function ensurePlan(d: CertPhaseData): CertificatePlan {
  if (d.plan) return d.plan;
  const m = machineOf(d);
  // A forked stream: how many certificates are planned never shifts later random choices
  // (tokens, pod names) of the main stream, which costs exactly one draw.
  const fork = createRng(Math.floor(d.rng.next() * 4294967296));
  const random = (): number => fork.next();
  const plan = planCertificates({
    nodeName: d.node,
    advertiseAddress: d.ip,
    controlPlaneEndpoint: d.controlPlaneEndpoint,
    serviceSubnet: d.serviceSubnet,
    now: d.t,
    random,
    existingCAs: existingCAs(m).filter((c) => !(d.externalEtcd && c.issuer === 'etcd-ca')),
    usedKeyIds: usedKeyIds(d.state),
    ...(d.externalEtcd ? { localEtcd: false } : {}),
  });
  // planCertificates shares sa.key like the CAs when CAs are reused; kubeadm still creates it
  // when it is missing ("your own CA" mode), so pick a key for it here.
  const sa: KeyPairMeta = plan.serviceAccountKey ?? {
    name: 'sa',
    keyPath: `${PKI_DIR}/sa.key`,
    publicKeyPath: `${PKI_DIR}/sa.pub`,
    keyId: createKeyPicker(random, [
      ...usedKeyIds(d.state),
      ...plan.certificates.map((c) => c.keyId),
    ]).next(),
  };
  d.plan = { ...plan, serviceAccountKey: sa };
  return d.plan;
}

function planned(d: CertPhaseData, name: string): CertificateMeta {
  const meta = ensurePlan(d).certificates.find((c) => c.name === name);
  if (!meta) throw new Error(`certificate ${name} is not planned`);
  return meta;
}

function certPhase<D extends CertPhaseData>(spec: CertificateSpec): Phase<D> {
  return {
    name: spec.name,
    short: `Generate the ${spec.longName}`,
    run: (d) => {
      // cmd/kubeadm/app/cmd/phases/init/certs.go runCAPhase / runCertPhase: with etcd.external
      // the etcd CA and every certificate it signs are skipped.
      if (d.externalEtcd && spec.issuer === 'etcd-ca') {
        d.events.push(
          log(
            'certs',
            spec.kind === 'ca'
              ? `External etcd mode: Skipping ${spec.baseName} certificate authority generation`
              : `External etcd mode: Skipping ${spec.baseName} certificate generation`,
          ),
        );
        return;
      }
      const meta = planned(d, spec.name);
      const m = machineOf(d);
      const onDisk = m.certs[meta.path];
      if (spec.kind === 'ca' && m.files[meta.path] !== undefined && onDisk) {
        d.certs[spec.name] = onDisk;
        const keyless = m.files[meta.keyPath] === undefined;
        d.events.push(
          log(
            'certs',
            `Using existing ${spec.baseName} ${keyless ? 'keyless ' : ''}certificate authority`,
          ),
        );
        return;
      }
      if (
        spec.kind === 'leaf' &&
        onDisk &&
        m.files[meta.path] !== undefined &&
        m.files[meta.keyPath] !== undefined
      ) {
        d.certs[spec.name] = onDisk;
        d.events.push(log('certs', `Using existing ${spec.baseName} certificate and key on disk`));
        return;
      }
      d.certs[spec.name] = meta;
      d.events.push(log('certs', `Generating "${spec.baseName}" certificate and key`));
      if (!meta.isCA && (meta.dnsNames.length > 0 || meta.ipAddresses.length > 0)) {
        d.events.push(
          log(
            'certs',
            `${spec.baseName} serving cert is signed for DNS names [${meta.dnsNames.join(' ')}] and IPs [${meta.ipAddresses.join(' ')}]`,
          ),
        );
      }
      write(d, certificateFiles(meta), { [meta.path]: meta });
    },
  };
}

/** certs/<name> sub-phases in GetDefaultCertList order, then certs/sa. */
export function certSubPhases<D extends CertPhaseData>(): Phase<D>[] {
  return [
    ...CERTIFICATE_SPECS.filter((s) => s.kind !== 'kubeconfig').map((s) => certPhase<D>(s)),
    {
      name: 'sa',
      short: 'Generate a private key for signing service account tokens along with its public key',
      run: (d) => {
        const m = machineOf(d);
        if (usingExternalCA(m)) {
          d.events.push(log('certs', 'Using existing sa keys'));
          return;
        }
        if (m.files[`${PKI_DIR}/sa.key`] !== undefined) {
          d.events.push(log('certs', 'Using the existing "sa" key'));
          return;
        }
        const sa = ensurePlan(d).serviceAccountKey;
        d.events.push(log('certs', 'Generating "sa" key and public key'));
        if (sa) write(d, serviceAccountFiles(sa), {});
      },
    },
  ];
}

const KUBECONFIG_SHORT: Record<string, string> = {
  admin: 'Generate a kubeconfig file for the admin to use and for kubeadm itself',
  'super-admin': 'Generate a kubeconfig file for the super-admin',
  kubelet:
    'Generate a kubeconfig file for the kubelet to use *only* for cluster bootstrapping purposes',
  'controller-manager': 'Generate a kubeconfig file for the controller manager to use',
  scheduler: 'Generate a kubeconfig file for the scheduler to use',
};

/** kubeconfig/<name> sub-phases. */
export function kubeconfigSubPhases<D extends CertPhaseData>(): Phase<D>[] {
  return Object.entries(KUBECONFIG_SHORT).map(([name, short]) => ({
    name,
    short,
    run: (d: D) => {
      const meta = planned(d, `${name}.conf`);
      const m = machineOf(d);
      const onDisk = m.certs[meta.path];
      if (m.files[meta.path] !== undefined && onDisk) {
        d.certs[meta.name] = onDisk;
        d.events.push(log('kubeconfig', `Using existing kubeconfig file: "${meta.path}"`));
        return;
      }
      d.certs[meta.name] = meta;
      d.events.push(log('kubeconfig', `Writing "${name}.conf" kubeconfig file`));
      write(d, certificateFiles(meta), { [meta.path]: meta });
    },
  }));
}
