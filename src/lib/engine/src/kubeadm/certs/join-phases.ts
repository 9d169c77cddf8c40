/**
 * The PKI of `kubeadm join --control-plane`, phases control-plane-prepare/download-certs, /certs
 * and /kubeconfig. Upstream (cmd/kubeadm/app):
 * - phases/copycerts/copycerts.go DownloadCerts: the shared CA files and the service-account
 *   key pair from the kubeadm-certs Secret (plus the etcd client files with external etcd);
 *   cmd/phases/join/controlplaneprepare.go skips the phase without --certificate-key, for a
 *   reader who copied those files by hand (kubernetes.io's HA page, "Manual certificate
 *   distribution").
 * - phases/certs/certs.go CreatePKIAssets → CertificateTree.CreateTree: a CA on disk is used, a
 *   missing one generated; every leaf is this node's own (its name and address in the SANs). A
 *   leaf already on disk is validated and kept (`Using the existing "apiserver" certificate and
 *   key`), or refused when its SANs do not name this node — what the HA page warns about when all
 *   certificates were copied; then "Valid certificates…" and the `sa` key line.
 * - phases/kubeconfig: admin.conf, controller-manager.conf and scheduler.conf with new client
 *   certificates (Writing "…" kubeconfig file).
 */
import type { CertificateMeta } from '../../model/state.ts';
import { log } from '../../events.ts';
import { EngineError } from '../../errors.ts';
import { CERTIFICATE_SPECS, PKI_DIR } from '../../pki/specs.ts';
import { certificateFiles, serviceAccountFiles } from './refs.ts';
import { ensurePlan, type CertPhaseData } from './init-phases.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

/** Files the kubeadm-certs Secret carries (copycerts.go certsToTransfer). */
export function sharedCertificatePaths(externalEtcd: boolean): string[] {
  const base = ['ca', 'front-proxy-ca'].flatMap((n) => [
    `${PKI_DIR}/${n}.crt`,
    `${PKI_DIR}/${n}.key`,
  ]);
  const sa = [`${PKI_DIR}/sa.key`, `${PKI_DIR}/sa.pub`];
  const etcd = externalEtcd
    ? [
        `${PKI_DIR}/etcd/ca.crt`,
        `${PKI_DIR}/apiserver-etcd-client.crt`,
        `${PKI_DIR}/apiserver-etcd-client.key`,
      ]
    : [`${PKI_DIR}/etcd/ca.crt`, `${PKI_DIR}/etcd/ca.key`];
  return [...base, ...sa, ...etcd];
}

function write(
  d: CertPhaseData,
  files: Record<string, string>,
  certs: Record<string, CertificateMeta>,
): void {
  const m = findMachine(d.state, d.machine);
  if (!m) return;
  d.state = {
    ...d.state,
    machines: setKeyed(d.state.machines, d.machine, {
      ...m,
      files: { ...m.files, ...files },
      certs: { ...m.certs, ...certs },
    }),
  };
}

/** Go's x509 HostnameError text for the first name or address the certificate does not cover. */
function sanMismatch(onDisk: CertificateMeta, wanted: CertificateMeta): string | null {
  const dns = wanted.dnsNames.find((n) => !onDisk.dnsNames.includes(n));
  if (dns !== undefined)
    return `x509: certificate is valid for ${onDisk.dnsNames.join(', ')}, not ${dns}`;
  const ip = wanted.ipAddresses.find((a) => !onDisk.ipAddresses.includes(a));
  if (ip !== undefined)
    return `x509: certificate is valid for ${onDisk.ipAddresses.join(', ')}, not ${ip}`;
  return null;
}

/** control-plane-prepare/certs: this node's certificates, signed by the CAs on its disk. */
export function createJoinPkiAssets(d: CertPhaseData): void {
  d.events.push(log('certs', `Using certificateDir folder "${PKI_DIR}"`));
  const plan = ensurePlan(d);
  const specs = CERTIFICATE_SPECS.filter(
    (s) => s.kind !== 'kubeconfig' && !(d.externalEtcd && s.issuer === 'etcd-ca'),
  );
  for (const spec of specs.filter((s) => s.kind === 'ca')) {
    const meta = plan.certificates.find((c) => c.name === spec.name);
    const m = findMachine(d.state, d.machine);
    if (!meta || !m || m.files[meta.path] !== undefined) continue;
    d.events.push(log('certs', `Generating "${spec.baseName}" certificate and key`));
    write(d, certificateFiles(meta), { [meta.path]: meta });
  }
  for (const spec of specs.filter((s) => s.kind === 'leaf')) {
    const meta = plan.certificates.find((c) => c.name === spec.name);
    const m = findMachine(d.state, d.machine);
    if (!meta || !m) continue;
    const onDisk = m.certs[meta.path];
    if (onDisk && m.files[meta.path] !== undefined && m.files[meta.keyPath] !== undefined) {
      const mismatch = sanMismatch(onDisk, meta);
      if (mismatch !== null)
        throw new EngineError('Kubeadm', {
          message: `error creating PKI assets: failed to write or validate certificate "${spec.name}": certificate ${spec.name} is invalid: ${mismatch}`,
        });
      d.certs[spec.name] = onDisk;
      d.events.push(log('certs', `Using the existing "${spec.baseName}" certificate and key`));
      continue;
    }
    d.certs[spec.name] = meta;
    d.events.push(log('certs', `Generating "${spec.baseName}" certificate and key`));
    if (meta.dnsNames.length > 0 || meta.ipAddresses.length > 0)
      d.events.push(
        log(
          'certs',
          `${spec.baseName} serving cert is signed for DNS names [${meta.dnsNames.join(' ')}] and IPs [${meta.ipAddresses.join(' ')}]`,
        ),
      );
    write(d, certificateFiles(meta), { [meta.path]: meta });
  }
  d.events.push(log('certs', `Valid certificates and keys now exist in "${PKI_DIR}"`));
  if (findMachine(d.state, d.machine)?.files[`${PKI_DIR}/sa.key`] !== undefined) {
    d.events.push(log('certs', 'Using the existing "sa" key'));
    return;
  }
  d.events.push(log('certs', 'Generating "sa" key and public key'));
  if (plan.serviceAccountKey) write(d, serviceAccountFiles(plan.serviceAccountKey), {});
}

/** control-plane-prepare/kubeconfig: the three kubeconfig files of a joined control plane. */
export function createJoinKubeconfigs(d: CertPhaseData): void {
  d.events.push(
    log('kubeconfig', 'Generating kubeconfig files'),
    log('kubeconfig', 'Using kubeconfig folder "/etc/kubernetes"'),
  );
  const plan = ensurePlan(d);
  for (const name of ['admin', 'controller-manager', 'scheduler']) {
    const meta = plan.certificates.find((c) => c.name === `${name}.conf`);
    if (!meta) continue;
    const m = findMachine(d.state, d.machine);
    if (m?.files[meta.path] !== undefined && m.certs[meta.path]) {
      d.events.push(log('kubeconfig', `Using existing kubeconfig file: "${meta.path}"`));
      continue;
    }
    d.certs[meta.name] = meta;
    d.events.push(log('kubeconfig', `Writing "${name}.conf" kubeconfig file`));
    write(d, certificateFiles(meta), { [meta.path]: meta });
  }
}
