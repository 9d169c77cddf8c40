/**
 * Loading a kubeadm `--config` file (cmd/kubeadm/app/util/config/initconfiguration.go,
 * joinconfiguration.go, common.go, strict/strict.go; validation in
 * cmd/kubeadm/app/apis/kubeadm/validation/validation.go). Pure: text in, options + warnings or a
 * clean error out. Never throws.
 */
import { parseGoTimeDuration } from '../go-duration.ts';
import { EngineError } from '../errors.ts';
import { parseAllDocuments } from 'yaml';
import type { InitOptions } from '../commands/types.ts';
import { parseIp } from '../pki/net.ts';
import { podSubnetErrors, validCidr } from './pod-subnet.ts';
import { isVersion } from '../model/version.ts';
import { KUBEADM_API, KUBEADM_API_V1BETA3 } from './defaults.ts';

/** A parsed document with its group/version/kind. */
export interface ConfigDocument {
  readonly apiVersion: string;
  readonly kind: string;
  readonly body: Record<string, unknown>;
}

/** A klog warning: source location (file.go:line) and message. */
export interface ConfigWarning {
  readonly at: string;
  readonly message: string;
}

/** What loading produced. */
export type Loaded =
  | {
      readonly ok: true;
      readonly docs: readonly ConfigDocument[];
      readonly warnings: readonly ConfigWarning[];
    }
  | { readonly ok: false; readonly error: string; readonly warnings: readonly ConfigWarning[] };

const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  InitConfiguration: [
    'apiVersion',
    'kind',
    'bootstrapTokens',
    'dryRun',
    'nodeRegistration',
    'localAPIEndpoint',
    'certificateKey',
    'skipPhases',
    'patches',
    'timeouts',
  ],
  ClusterConfiguration: [
    'apiVersion',
    'kind',
    'etcd',
    'networking',
    'kubernetesVersion',
    'controlPlaneEndpoint',
    'apiServer',
    'controllerManager',
    'scheduler',
    'dns',
    'proxy',
    'certificatesDir',
    'imageRepository',
    'featureGates',
    'clusterName',
    'encryptionAlgorithm',
    'certificateValidityPeriod',
    'caCertificateValidityPeriod',
  ],
  JoinConfiguration: [
    'apiVersion',
    'kind',
    'dryRun',
    'nodeRegistration',
    'caCertPath',
    'discovery',
    'controlPlane',
    'skipPhases',
    'patches',
    'timeouts',
  ],
  ResetConfiguration: [
    'apiVersion',
    'kind',
    'cleanupTmpDir',
    'certificatesDir',
    'criSocket',
    'dryRun',
    'force',
    'ignorePreflightErrors',
    'skipPhases',
    'unmountFlags',
  ],
  UpgradeConfiguration: ['apiVersion', 'kind', 'apply', 'diff', 'node', 'plan', 'timeouts'],
};
const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  networking: ['serviceSubnet', 'podSubnet', 'dnsDomain'],
  localAPIEndpoint: ['advertiseAddress', 'bindPort'],
  nodeRegistration: [
    'name',
    'criSocket',
    'taints',
    'kubeletExtraArgs',
    'ignorePreflightErrors',
    'imagePullPolicy',
    'imagePullSerial',
  ],
};
const V1BETA3_ONLY: Readonly<Record<string, readonly string[]>> = {
  ClusterConfiguration: [
    'encryptionAlgorithm',
    'certificateValidityPeriod',
    'caCertificateValidityPeriod',
  ],
  InitConfiguration: ['timeouts'],
  JoinConfiguration: ['timeouts'],
};
const COMPONENT_KINDS: Readonly<Record<string, string>> = {
  KubeletConfiguration: 'kubelet.config.k8s.io/v1beta1',
  KubeProxyConfiguration: 'kubeproxy.config.k8s.io/v1alpha1',
};
const OLD_API: Readonly<Record<string, string>> = {
  'kubeadm.k8s.io/v1alpha1': 'v1.11',
  'kubeadm.k8s.io/v1alpha2': 'v1.12',
  'kubeadm.k8s.io/v1alpha3': 'v1.14',
  'kubeadm.k8s.io/v1beta1': 'v1.15',
  // v1beta2 was removed in kubeadm 1.27; 1.26 was the last release to read it (unsure of the
  // exact version string upstream prints here).
  'kubeadm.k8s.io/v1beta2': 'v1.26',
};

function gvk(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `schema.GroupVersionKind{Group:"${group ?? ''}", Version:"${version ?? ''}", Kind:"${kind}"}`;
}

/** Splits and decodes a multi-document YAML file (kubeadmutil.SplitConfigDocuments). */
export function loadConfigText(text: string): Loaded {
  const warnings: ConfigWarning[] = [];
  let parsed;
  try {
    parsed = parseAllDocuments(text);
  } catch (error) {
    return { ok: false, error: `error converting YAML to JSON: yaml: ${String(error)}`, warnings };
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const docs: ConfigDocument[] = [];
  for (const d of list) {
    const firstError = d.errors[0];
    if (firstError) {
      const line = firstError.linePos?.[0]?.line ?? 1;
      // go-yaml's messages differ from the JS parser's; the line number and prefix are upstream's.
      return {
        ok: false,
        error: `error converting YAML to JSON: yaml: line ${line}: ${firstError.message.split('\n')[0] ?? ''}`,
        warnings,
      };
    }
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: 50 });
    } catch (error) {
      return {
        ok: false,
        error: `error converting YAML to JSON: yaml: ${String(error)}`,
        warnings,
      };
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return {
        ok: false,
        error: `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
        warnings,
      };
    }
    const body = value as Record<string, unknown>;
    const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : '';
    const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
    if (!apiVersion || !kind || !apiVersion.includes('/')) {
      const [g, v] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      return {
        ok: false,
        error: `invalid configuration for GroupVersionKind ${g ?? ''}/${v ?? ''}, Kind=${kind}: kind and apiVersion is mandatory information that must be specified`,
        warnings,
      };
    }
    docs.push({ apiVersion, kind, body });
  }
  for (const d of docs) {
    const old = OLD_API[d.apiVersion];
    if (old) {
      return {
        ok: false,
        error: `your configuration file uses an old API spec: "${d.apiVersion}". Please use kubeadm ${old} instead and run 'kubeadm config migrate --old-config old.yaml --new-config new.yaml', which will write the new, similar spec using a newer API version.`,
        warnings,
      };
    }
  }
  const deprecated = docs.find((d) => d.apiVersion === KUBEADM_API_V1BETA3);
  if (deprecated) {
    warnings.push({
      at: 'common.go:101',
      message: `your configuration file uses a deprecated API spec: "${KUBEADM_API_V1BETA3}". Please use 'kubeadm config migrate --old-config old.yaml --new-config new.yaml', which will write the new, similar spec using a newer API version.`,
    });
  }
  for (const d of docs) {
    const known = KNOWN_FIELDS[d.kind];
    if (d.apiVersion.startsWith('kubeadm.k8s.io/') && known) {
      const extra = d.apiVersion === KUBEADM_API_V1BETA3 ? (V1BETA3_ONLY[d.kind] ?? []) : [];
      const unknown = Object.keys(d.body).filter((k) => !known.includes(k) || extra.includes(k));
      for (const [parent, fields] of Object.entries(NESTED_FIELDS)) {
        const child = d.body[parent];
        if (known.includes(parent) && child && typeof child === 'object' && !Array.isArray(child)) {
          for (const k of Object.keys(child))
            if (!fields.includes(k)) unknown.push(`${parent}.${k}`);
        }
      }
      if (unknown.length > 0) {
        warnings.push({
          at: 'strict.go:54',
          message: `error unmarshaling configuration ${gvk(d.apiVersion, d.kind)}: strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(', ')}`,
        });
      }
    } else if (COMPONENT_KINDS[d.kind] !== d.apiVersion) {
      warnings.push({
        at: 'initconfiguration.go:361',
        message: `[config] WARNING: Ignored configuration document with GroupVersionKind ${d.apiVersion}, Kind=${d.kind}`,
      });
    }
  }
  return { ok: true, docs, warnings };
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function s(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Finds the first document of `kind` in the kubeadm API group. */
export function findDoc(docs: readonly ConfigDocument[], kind: string): ConfigDocument | undefined {
  return docs.find((d) => d.kind === kind && d.apiVersion.startsWith('kubeadm.k8s.io/'));
}

/** The external etcd section of a ClusterConfiguration, if any. */
export interface ExternalEtcd {
  readonly endpoints: readonly string[];
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** An init configuration turned into engine options, plus what init must check beforehand. */
export interface InitConfigPlan {
  readonly options: InitOptions;
  readonly externalEtcd: ExternalEtcd | null;
  readonly certificatesDir: string;
}

/**
 * Validates Init/ClusterConfiguration like ValidateInitConfiguration (field paths as upstream)
 * and maps them to `kubeadm init` options. Returns the aggregate error text on failure.
 */
export function planInitFromConfig(
  docs: readonly ConfigDocument[],
  base: InitOptions,
): InitConfigPlan | { error: string } {
  const init = obj(findDoc(docs, 'InitConfiguration')?.body);
  const cluster = obj(findDoc(docs, 'ClusterConfiguration')?.body);
  const errs: string[] = [];
  const networking = obj(cluster['networking']);
  const serviceSubnet = s(networking['serviceSubnet']);
  const podSubnet = s(networking['podSubnet']);
  if (serviceSubnet !== undefined && !validCidr(serviceSubnet))
    errs.push(`networking.serviceSubnet: Invalid value: "${serviceSubnet}": couldn't parse subnet`);
  if (podSubnet !== undefined && podSubnet !== '') errs.push(...podSubnetErrors(podSubnet));
  const endpoint = obj(init['localAPIEndpoint']);
  const advertise = s(endpoint['advertiseAddress']);
  if (advertise !== undefined && advertise !== '' && !parseIp(advertise))
    errs.push(
      `localAPIEndpoint.advertiseAddress: Invalid value: "${advertise}": ip address is not valid`,
    );
  const port = endpoint['bindPort'];
  if (
    port !== undefined &&
    (typeof port !== 'number' || port < 0 || port > 65535 || !Number.isInteger(port))
  ) {
    errs.push(
      `localAPIEndpoint.bindPort: Invalid value: ${JSON.stringify(port)}: port number is not valid`,
    );
  }
  const version = s(cluster['kubernetesVersion']);
  if (
    version !== undefined &&
    !/^stable|^latest/.test(version) &&
    !isVersion(version.startsWith('v') ? version : `v${version}`)
  ) {
    errs.push(`kubernetesVersion: Invalid value: "${version}": must be a valid semantic version`);
  }
  const tokens = Array.isArray(init['bootstrapTokens'])
    ? (init['bootstrapTokens'] as unknown[])
    : [];
  tokens.forEach((t, i) => {
    const tok = s(obj(t)['token']);
    if (tok !== undefined && !/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(tok)) {
      errs.push(
        `bootstrapTokens[${i}].token: Invalid value: "${tok}": the bootstrap token "${tok}" was not of the form "(?:[a-z0-9]{6})\\.(?:[a-z0-9]{16})"`,
      );
    }
  });
  const etcd = obj(cluster['etcd']);
  const ext = etcd['external'] ? obj(etcd['external']) : null;
  if (ext && etcd['local'])
    errs.push('etcd: Invalid value: "": either .Etcd.Local or .Etcd.External is required');
  const endpoints =
    ext && Array.isArray(ext['endpoints'])
      ? (ext['endpoints'] as unknown[]).map((e) => String(e))
      : [];
  if (ext && endpoints.length === 0)
    errs.push('etcd.external.endpoints: Required value: need at least one etcd endpoint');
  if (errs.length > 0)
    return { error: errs.length === 1 ? (errs[0] ?? '') : `[${errs.join(', ')}]` };

  const nodeReg = obj(init['nodeRegistration']);
  const ttlText = s(obj(tokens[0])['ttl']);
  // metav1.Duration decodes with Go's time.ParseDuration; its error is what kubeadm reports (the
  // decoder's exact prefix before it is not checked here). A TTL of zero or less never expires.
  const parsedTtl = ttlText === undefined ? undefined : parseGoTimeDuration(ttlText);
  if (parsedTtl !== undefined && !parsedTtl.ok) return { error: parsedTtl.error };
  const ttl =
    parsedTtl === undefined ? undefined : parsedTtl.ns > 0n ? Math.max(1, parsedTtl.ms) : 0;
  const skip = Array.isArray(init['skipPhases'])
    ? (init['skipPhases'] as unknown[]).map(String)
    : [];
  const ignore = Array.isArray(nodeReg['ignorePreflightErrors'])
    ? (nodeReg['ignorePreflightErrors'] as unknown[]).map(String)
    : [];
  const cpe = s(cluster['controlPlaneEndpoint']);
  const name = s(nodeReg['name']);
  const options: InitOptions = {
    ...base,
    ...(version !== undefined ? { kubernetesVersion: version } : {}),
    ...(podSubnet ? { podNetworkCidr: podSubnet } : {}),
    ...(serviceSubnet !== undefined ? { serviceCidr: serviceSubnet } : {}),
    ...(cpe ? { controlPlaneEndpoint: cpe } : {}),
    ...(advertise ? { advertiseAddress: advertise } : {}),
    ...(name ? { nodeName: name } : {}),
    ...(ttl !== undefined ? { tokenTtlMs: ttl } : {}),
    ...(skip.length > 0 ? { skipPhases: [...(base.skipPhases ?? []), ...skip] } : {}),
    ...(ignore.length > 0
      ? { ignorePreflightErrors: [...(base.ignorePreflightErrors ?? []), ...ignore] }
      : {}),
  };
  const externalEtcd = ext
    ? {
        endpoints,
        caFile: s(ext['caFile']) ?? '',
        certFile: s(ext['certFile']) ?? '',
        keyFile: s(ext['keyFile']) ?? '',
      }
    : null;
  return {
    options: externalEtcd ? { ...options, externalEtcd } : options,
    externalEtcd: ext
      ? {
          endpoints,
          caFile: s(ext['caFile']) ?? '',
          certFile: s(ext['certFile']) ?? '',
          keyFile: s(ext['keyFile']) ?? '',
        }
      : null,
    certificatesDir: s(cluster['certificatesDir']) ?? '/etc/kubernetes/pki',
  };
}

/**
 * Parses a Go duration like 24h0m0s or 30m into milliseconds (0 = never).
 * @throws EngineError InvalidDuration where Go's time.ParseDuration fails
 */
export function parseGoDuration(text: string): number {
  const d = parseGoTimeDuration(text);
  if (!d.ok) throw new EngineError('InvalidDuration', { input: text });
  return d.ms;
}

/** The API version kubeadm writes (for messages). */
export const CURRENT_KUBEADM_API = KUBEADM_API;
