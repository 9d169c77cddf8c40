/**
 * Scenarios of the PKI guide: certificates a user places on cp-1 before `kubeadm init`.
 * Built on `packages-installed` by the typed command `pki.stage` (the simulated stand-in for
 * copying files from your organisation's PKI with scp).
 */
import type { Scenario } from './types.ts';

/** PKI scenarios, appended to the scenario list. */
export const pkiScenarios: readonly Scenario[] = [
  {
    name: 'own-ca-prepared',
    title: 'Your own CA placed on cp-1',
    description:
      "packages-installed, plus your organisation's CA certificate and key (CN example-org-kubernetes-ca) as /etc/kubernetes/pki/ca.crt and ca.key on cp-1; kubeadm init has not run.",
    base: 'packages-installed',
    steps: () => [{ type: 'pki.stage', machine: 'cp-1', mode: 'own-ca' }],
  },
  {
    name: 'external-ca-prepared',
    title: 'External CA: certificates placed without ca.key',
    description:
      'packages-installed, plus every certificate, key and kubeconfig an external CA issued for cp-1 — but no /etc/kubernetes/pki/ca.key; kubeadm init has not run.',
    base: 'packages-installed',
    steps: () => [{ type: 'pki.stage', machine: 'cp-1', mode: 'external-ca' }],
  },
];
