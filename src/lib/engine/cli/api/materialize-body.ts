/**
 * Served objects hold the simulator's `@pki:` references where a real object holds certificate
 * data (the cluster-info ConfigMap's kubeconfig, Secrets): every such string of a response
 * becomes what the simulator's own kubectl prints for it (shell/materialize.ts).
 */
import type { ClusterState } from '../../src/index.ts';
import { defaultMaterializer } from '../../shell/index.ts';

/** `value` with every string that holds an `@pki:` reference materialised. */
export async function materializeBody(
  state: ClusterState,
  machine: string,
  value: unknown,
): Promise<unknown> {
  if (typeof value === 'string')
    return value.includes('@pki:') ? defaultMaterializer(state, machine, value) : value;
  if (Array.isArray(value))
    return Promise.all(value.map((v) => materializeBody(state, machine, v)));
  if (value === null || typeof value !== 'object') return value;
  const entries = await Promise.all(
    Object.entries(value).map(
      async ([k, v]) => [k, await materializeBody(state, machine, v)] as const,
    ),
  );
  return Object.fromEntries(entries);
}
