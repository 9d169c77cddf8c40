/**
 * Generic node goals any guide can name: every node at the control-plane version (the end of an
 * upgrade or rollback) and no node left cordoned (after drain/uncordon).
 */
import { nodeList } from '../state/nodes.ts';
import { listNames, type Goal } from './types.ts';

/** Every node's kubelet runs the control plane's version. */
export const allNodesRunVersion: Goal = {
  title: 'every node runs the control-plane version',
  check(state) {
    const cluster = state.cluster;
    if (!cluster) return { done: false, detail: 'there is no cluster yet' };
    const nodes = nodeList(state);
    if (nodes.length === 0) return { done: false, detail: 'the cluster has no nodes yet' };
    const behind = nodes.filter((n) => n.kubeletVersion !== cluster.version);
    return behind.length === 0
      ? { done: true, detail: `all ${nodes.length} nodes run ${cluster.version}` }
      : {
          done: false,
          detail: `${behind.map((n) => `${n.name} runs ${n.kubeletVersion}`).join(', ')}; the control plane runs ${cluster.version}`,
        };
  },
};

/** No node is marked unschedulable (cordoned or drained). */
export const noNodeCordoned: Goal = {
  title: 'no node is cordoned',
  check(state) {
    const cluster = state.cluster;
    if (!cluster) return { done: false, detail: 'there is no cluster yet' };
    const cordoned = nodeList(state)
      .filter((n) => n.unschedulable === true)
      .map((n) => n.name);
    return cordoned.length === 0
      ? { done: true, detail: 'every node accepts Pods' }
      : {
          done: false,
          detail: `${listNames(cordoned)} ${cordoned.length === 1 ? 'is' : 'are'} cordoned: run kubectl uncordon`,
        };
  },
};
