/**
 * What etcdctl/etcd 3.4 (Debian 12's etcd-server/etcd-client 3.4.23, the real etcd this project's
 * CI can run) prints differently from the etcd 3.5/3.6 that kubeadm's release tracks run. Used by
 * `npm run verify:real` with `--tolerate etcd-3.4`; docs/real-machines.md shows this table.
 */
import type { Mask } from './masks.ts';

/** The etcd 3.4 vs 3.5/3.6 differences, each with its reason. */
export const ETCD_34_MASKS: readonly Mask[] = [
  {
    name: 'etcd-version',
    reason: "the server's version: 3.4.23 from Debian where the release tracks run 3.5.x/3.6.x",
    pattern: /\b3\.[456]\.\d+\b/g,
    replacement: '<etcd-version>',
  },
];
