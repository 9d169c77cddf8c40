/**
 * describeVolumes: each volume of a Pod (or Pod template) by name with its source: host path,
 * emptyDir, Secret, ConfigMap, projected (service-account token volumes), PersistentVolumeClaim,
 * downward API and NFS as kubectl prints them. Sources kubectl prints but this simulator never
 * creates (cloud disks, iSCSI, CSI…) are named by their type only.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeVolumes,
 * printHostPathVolumeSource, printEmptyDirVolumeSource, printSecretVolumeSource,
 * printConfigMapVolumeSource, printProjectedVolumeSource,
 * printPersistentVolumeClaimVolumeSource, printDownwardAPIVolumeSource, printNFSVolumeSource).
 */
import { o, arr, text, type Obj } from './kubectl-describe-fields.ts';

const flag = (v: unknown): string => String(v === true);

/** The lines under one volume's name (LEVEL_2). */
function sourceLines(v: Obj): string[] {
  if (v['hostPath'] !== undefined) {
    const h = o(v['hostPath']);
    return [
      '    Type:\tHostPath (bare host directory volume)',
      `    Path:\t${text(h['path'])}`,
      `    HostPathType:\t${h['type'] === undefined ? '<none>' : text(h['type'])}`,
    ];
  }
  if (v['emptyDir'] !== undefined) {
    const e = o(v['emptyDir']);
    const limit = text(e['sizeLimit']);
    return [
      "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
      `    Medium:\t${text(e['medium'])}`,
      `    SizeLimit:\t${limit === '' || /^0+(\D|$)/.test(limit) ? '<unset>' : limit}`,
    ];
  }
  if (v['secret'] !== undefined) {
    const s = o(v['secret']);
    return [
      '    Type:\tSecret (a volume populated by a Secret)',
      `    SecretName:\t${text(s['secretName'])}`,
      `    Optional:\t${flag(s['optional'])}`,
    ];
  }
  if (v['configMap'] !== undefined) {
    const c = o(v['configMap']);
    return [
      '    Type:\tConfigMap (a volume populated by a ConfigMap)',
      `    Name:\t${text(c['name'])}`,
      `    Optional:\t${flag(c['optional'])}`,
    ];
  }
  if (v['persistentVolumeClaim'] !== undefined) {
    const c = o(v['persistentVolumeClaim']);
    return [
      '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      `    ClaimName:\t${text(c['claimName'])}`,
      `    ReadOnly:\t${flag(c['readOnly'])}`,
    ];
  }
  if (v['projected'] !== undefined) {
    const lines = [
      '    Type:\tProjected (a volume that contains injected data from multiple sources)',
    ];
    for (const s of arr(o(v['projected'])['sources'])) {
      if (s['secret'] !== undefined)
        lines.push(
          `    SecretName:\t${text(o(s['secret'])['name'])}`,
          `    Optional:\t${flag(o(s['secret'])['optional'])}`,
        );
      else if (s['downwardAPI'] !== undefined) lines.push('    DownwardAPI:\ttrue');
      else if (s['configMap'] !== undefined)
        lines.push(
          `    ConfigMapName:\t${text(o(s['configMap'])['name'])}`,
          `    Optional:\t${flag(o(s['configMap'])['optional'])}`,
        );
      else if (s['serviceAccountToken'] !== undefined)
        lines.push(
          `    TokenExpirationSeconds:\t${text(o(s['serviceAccountToken'])['expirationSeconds'])}`,
        );
    }
    return lines;
  }
  if (v['downwardAPI'] !== undefined) {
    const lines = [
      '    Type:\tDownwardAPI (a volume populated by information about the pod)',
      '    Items:',
    ];
    for (const item of arr(o(v['downwardAPI'])['items'])) {
      if (item['fieldRef'] !== undefined)
        lines.push(`      ${text(o(item['fieldRef'])['fieldPath'])} -> ${text(item['path'])}`);
      if (item['resourceFieldRef'] !== undefined)
        lines.push(
          `      ${text(o(item['resourceFieldRef'])['resource'])} -> ${text(item['path'])}`,
        );
    }
    return lines;
  }
  if (v['nfs'] !== undefined) {
    const n = o(v['nfs']);
    return [
      '    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)',
      `    Server:\t${text(n['server'])}`,
      `    Path:\t${text(n['path'])}`,
      `    ReadOnly:\t${flag(n['readOnly'])}`,
    ];
  }
  return ['  <unknown>'];
}

/** describeVolumes: `space` is the Pod template's indent ("  "), empty for a Pod. */
export function volumeLines(volumes: readonly Obj[], space: string): string[] {
  if (volumes.length === 0) return [`${space}Volumes:\t<none>`];
  return [
    `${space}Volumes:`,
    ...volumes.flatMap((v) => [
      `  ${space === '' ? '' : ' '}${text(v['name'])}:`,
      ...sourceLines(v),
    ]),
  ];
}
