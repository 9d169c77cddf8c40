/**
 * `kubeadm config migrate` (cmd/kubeadm/app/util/config/common.go MigrateOldConfig): reads old
 * (v1beta3) or current documents, converts them to v1beta4 (cmd/kubeadm/app/apis/kubeadm/v1beta3/
 * conversion.go: extraArgs maps become name/value lists, apiServer.timeoutForControlPlane and
 * discovery.timeout move to `timeouts`), applies defaults and marshals them sorted, as
 * sigs.k8s.io/yaml does. An InitConfiguration and a ClusterConfiguration are always written
 * together; a JoinConfiguration is written when present.
 */
import { parse, stringify } from 'yaml';
import { initDefaultsYaml, joinDefaultsYaml, KUBEADM_API } from './defaults.ts';
import { findDoc, type ConfigDocument } from './load.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

function argsList(v: unknown): unknown {
  if (!isObj(v)) return v;
  return Object.entries(v)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value: String(value) }));
}

function convertExtraArgs(o: Obj): Obj {
  const out: Obj = { ...o };
  if ('extraArgs' in out) out['extraArgs'] = argsList(out['extraArgs']);
  return out;
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortDeep(v[k])]),
  );
}

function toYaml(v: unknown): string {
  return stringify(sortDeep(v), { indentSeq: false, lineWidth: 0, nullStr: 'null' });
}

/** Inputs that come from the machine the command runs on (dynamic defaults). */
export interface MigrateHost {
  readonly hostname: string;
  readonly ip: string;
  readonly kubeadmVersion: string;
  /** A generated bootstrap token for an InitConfiguration without one. */
  readonly token: string;
}

/** Converts the documents to v1beta4 YAML text. */
export function migrateConfig(docs: readonly ConfigDocument[], host: MigrateHost): string {
  const [initDefault, clusterDefault] = initDefaultsYaml(host.kubeadmVersion)
    .split('---\n')
    .map((t) => parse(t) as Obj);
  const init = findDoc(docs, 'InitConfiguration');
  const cluster = findDoc(docs, 'ClusterConfiguration');
  const join = findDoc(docs, 'JoinConfiguration');
  const out: string[] = [];
  if (init || cluster || !join) {
    const i: Obj = { ...(init?.body ?? {}) };
    const c: Obj = { ...(cluster?.body ?? {}) };
    const timeouts: Obj = isObj(i['timeouts']) ? { ...i['timeouts'] } : {};
    if (isObj(c['apiServer'])) {
      const api = convertExtraArgs(c['apiServer']);
      if (api['timeoutForControlPlane'] !== undefined)
        timeouts['controlPlaneComponentHealthCheck'] = api['timeoutForControlPlane'];
      delete api['timeoutForControlPlane'];
      c['apiServer'] = api;
    }
    for (const k of ['controllerManager', 'scheduler'])
      if (isObj(c[k])) c[k] = convertExtraArgs(c[k]);
    if (isObj(c['etcd']) && isObj(c['etcd']['local']))
      c['etcd'] = { ...c['etcd'], local: convertExtraArgs(c['etcd']['local']) };
    if (isObj(i['nodeRegistration']) && 'kubeletExtraArgs' in i['nodeRegistration']) {
      i['nodeRegistration'] = {
        ...i['nodeRegistration'],
        kubeletExtraArgs: argsList(i['nodeRegistration']['kubeletExtraArgs']),
      };
    }
    const initDyn = merge(initDefault, {
      bootstrapTokens: [
        {
          groups: ['system:bootstrappers:kubeadm:default-node-token'],
          token: host.token,
          ttl: '24h0m0s',
          usages: ['signing', 'authentication'],
        },
      ],
      localAPIEndpoint: { advertiseAddress: host.ip, bindPort: 6443 },
      nodeRegistration: { name: host.hostname },
    }) as Obj;
    const migratedInit = merge(initDyn, {
      ...i,
      timeouts: merge(initDyn['timeouts'], timeouts),
      apiVersion: KUBEADM_API,
      kind: 'InitConfiguration',
    });
    const migratedCluster = merge(clusterDefault, {
      ...c,
      apiVersion: KUBEADM_API,
      kind: 'ClusterConfiguration',
    });
    out.push(toYaml(migratedInit), toYaml(migratedCluster));
  }
  if (join) {
    const j: Obj = { ...join.body };
    const timeouts: Obj = isObj(j['timeouts']) ? { ...j['timeouts'] } : {};
    if (isObj(j['discovery'])) {
      const d = { ...j['discovery'] };
      if (d['timeout'] !== undefined) timeouts['discovery'] = d['timeout'];
      delete d['timeout'];
      j['discovery'] = d;
    }
    if (isObj(j['nodeRegistration']) && 'kubeletExtraArgs' in j['nodeRegistration']) {
      j['nodeRegistration'] = {
        ...j['nodeRegistration'],
        kubeletExtraArgs: argsList(j['nodeRegistration']['kubeletExtraArgs']),
      };
    }
    const jd = parse(joinDefaultsYaml(host.hostname)) as Obj;
    out.push(
      toYaml(
        merge(jd, {
          ...j,
          timeouts: merge(jd['timeouts'], timeouts),
          apiVersion: KUBEADM_API,
          kind: 'JoinConfiguration',
        }),
      ),
    );
  }
  return out.join('---\n');
}
