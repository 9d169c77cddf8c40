/**
 * The pods/log subresource: GET /api/v1/namespaces/NS/pods/NAME/log?container=C&previous=…
 * &tailLines=N&timestamps=…, answered with the same text the simulator's kubectl prints
 * (shell/commands/kubectl-logs.ts) as text/plain; kubelet errors as BadRequest Status.
 * upstream: pkg/registry/core/pod/rest/log.go, pkg/registry/core/pod/strategy.go LogLocation
 * (container name checks), pkg/kubelet/kubelet_pods.go.
 */
import type { ClusterState } from '../../src/index.ts';
import { getObject } from '../../src/index.ts';
import { logText } from '../commands/kubectl-log-text.ts';
import { status, type ApiRequest, type ApiResponse, type ResourcePath } from './status.ts';

type Obj = Record<string, unknown>;

/** Answers a log request. */
export function podLog(state: ClusterState, req: ApiRequest, p: ResourcePath): ApiResponse {
  const name = p.name ?? '';
  const pod = getObject(state, 'pods', p.namespace, name);
  if (!pod) return status(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
  const spec = (pod['spec'] as Obj | undefined) ?? {};
  const named = (key: string): string[] =>
    ((spec[key] as Obj[] | undefined) ?? []).map((c) => String(c['name']));
  const containers = named('containers');
  const init = named('initContainers');
  const container = req.query.get('container') ?? (containers.length === 1 ? containers[0] : '');
  if (!container) {
    const more = init.length > 0 ? ` or one of the init containers: [${init.join(' ')}]` : '';
    return status(
      400,
      'BadRequest',
      `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${more}`,
    );
  }
  if (![...containers, ...init, ...named('ephemeralContainers')].includes(container))
    return status(400, 'BadRequest', `container ${container} is not valid for pod ${name}`);
  const q = (key: string): number | undefined => {
    const v = req.query.get(key);
    return v === null || v === '' ? undefined : Number(v);
  };
  const tail = q('tailLines');
  const sinceSeconds = q('sinceSeconds');
  const sinceTime = req.query.get('sinceTime');
  const limitBytes = q('limitBytes');
  const text = logText(state, pod, container, {
    previous: req.query.get('previous') === 'true',
    ...(tail !== undefined ? { tail } : {}),
    timestamps: req.query.get('timestamps') === 'true',
    ...(sinceSeconds !== undefined ? { sinceMs: state.now - sinceSeconds * 1000 } : {}),
    ...(sinceTime !== null && sinceTime !== '' ? { sinceMs: Date.parse(sinceTime) } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
  });
  if (text === null)
    return status(
      501,
      'NotImplemented',
      `the log of container "${container}" in pod "${name}" is not simulated`,
    );
  if (!text.ok) return status(400, 'BadRequest', text.message);
  return { status: 200, body: text.text, text: true };
}
