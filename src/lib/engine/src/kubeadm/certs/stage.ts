/**
 * Certificates a user places on a machine BEFORE `kubeadm init` (scenarios for the PKI guide):
 * - `own-ca`: their organisation's CA certificate and key as /etc/kubernetes/pki/ca.crt + ca.key;
 *   kubeadm then issues every certificate from it ("Using existing ca certificate authority").
 * - `external-ca`: everything an external PKI issued — every certificate, key and kubeconfig —
 *   except ca.key; kubeadm runs in external CA mode (k/website
 *   content/en/docs/tasks/administer-cluster/kubeadm/kubeadm-certs.md "External CA mode").
 */
import type { CertificateMeta, ClusterState } from '../../model/state.ts';
import { type Transition, ok } from '../../commands/result.ts';
import { planCertificates } from '../../pki/plan-certificates.ts';
import { createRng } from '../../random.ts';
import { certificateFiles, serviceAccountFiles } from './refs.ts';
import { usedKeyIds } from './csr.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

/** Subject CN of the example organisation CA the scenarios place. */
export const EXAMPLE_ORG_CA_CN = 'example-org-kubernetes-ca';

/** Places an organisation's CA (and for `external-ca` every leaf it signed) on `machine`. */
export function applyPkiStage(
  state: ClusterState,
  machine: string,
  mode: 'own-ca' | 'external-ca',
): Transition {
  const m = findMachine(state, machine);
  if (!m) return ok(state);
  const rng = createRng(state.rng);
  const plan = planCertificates({
    nodeName: m.name,
    advertiseAddress: m.ip,
    now: state.now,
    random: () => rng.next(),
    usedKeyIds: usedKeyIds(state),
  });
  const rename = (c: CertificateMeta): CertificateMeta =>
    c.name === 'ca'
      ? {
          ...c,
          subject: { commonName: EXAMPLE_ORG_CA_CN, organizations: [] },
          dnsNames: [EXAMPLE_ORG_CA_CN],
        }
      : c;
  const chosen = plan.certificates
    .map(rename)
    .filter((c) => mode === 'external-ca' || c.name === 'ca');
  let files = { ...m.files };
  const certs = { ...m.certs };
  for (const c of chosen) {
    files = { ...files, ...certificateFiles(c, !(mode === 'external-ca' && c.name === 'ca')) };
    certs[c.path] = c;
  }
  if (mode === 'external-ca' && plan.serviceAccountKey)
    files = { ...files, ...serviceAccountFiles(plan.serviceAccountKey) };
  return ok({
    ...state,
    rng: rng.state,
    machines: setKeyed(state.machines, machine, { ...m, files, certs }),
  });
}
