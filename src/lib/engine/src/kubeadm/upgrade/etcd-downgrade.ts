/**
 * kubeadm never moves etcd to an older version: performEtcdStaticPodUpgrade
 * (cmd/kubeadm/app/phases/upgrade/staticpods.go) compares the etcd version bundled for the target
 * Kubernetes version (constants.EtcdSupportedVersion, e.g. "3.6.9-0") with the version the running
 * member reports (e.g. "3.7.0") and, when the target is older, returns a non-fatal error that
 * StaticPodControlPlane prints as "[upgrade/etcd] non fatal issue encountered during upgrade: …"
 * (lowercase "non" in current kubeadm; older releases printed "Non fatal").
 */
import type { Machine } from '../../model/state.ts';
import { compareVersions, parseVersion } from '../../model/version.ts';
import { imageTags } from '../files.ts';

/** The running etcd's version as the member reports it ("3.7.0"), from the static Pod's image tag. */
export function runningEtcdVersion(m: Machine | undefined): string | null {
  const tag = /registry\.k8s\.io\/etcd:(\d+\.\d+\.\d+)/.exec(
    m?.files['/etc/kubernetes/manifests/etcd.yaml'] ?? '',
  )?.[1];
  return tag ?? null;
}

/** The non-fatal error text when upgrading to `target` would downgrade etcd, else null. */
export function etcdDowngradeRefusal(m: Machine | undefined, target: string): string | null {
  const current = runningEtcdVersion(m);
  const desired = imageTags(target).etcd;
  if (current === null || desired === '') return null;
  if (compareVersions(parseVersion(desired.replace(/-\d+$/, '')), parseVersion(current)) >= 0)
    return null;
  return `the desired etcd version for this Kubernetes version "${target}" is "${desired}", but the current etcd version is "${current}". Won't downgrade etcd, instead just continue`;
}
