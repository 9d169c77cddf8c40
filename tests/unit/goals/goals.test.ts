import { describe, expect, it } from 'vitest';

import {
  buildScenario,
  checkGoal,
  findMachine,
  goals,
  putMachine,
  updateNode,
  type ClusterState,
} from 'kubelife';

/** Returns the state with one node changed (goals only read the state). */
function withNode(
  state: ClusterState,
  name: string,
  change: Partial<{ unschedulable: boolean; kubeletVersion: string }>,
): ClusterState {
  if (!state.cluster) throw new Error('scenario has no cluster');
  const next = updateNode(state, name, (node) => ({ ...node, ...change }));
  if (next === state) throw new Error(`no node ${name}`);
  return next;
}

describe('install goals along the install scenarios', () => {
  it.each([
    ['packages-installed-and-held', 'bare-machines', false],
    ['packages-installed-and-held', 'packages-installed', true],
    ['control-plane-initialized', 'packages-installed', false],
    ['control-plane-initialized', 'control-plane-initialized', true],
    ['all-nodes-ready', 'control-plane-initialized', false],
    ['all-nodes-ready', 'cni-installed', true],
    ['workers-joined', 'cni-installed', false],
    ['workers-joined', 'workers-joined', true],
    ['all-nodes-ready', 'workers-joined', true],
  ])('%s is done=%s in scenario %s', (goal, scenario, done) => {
    const state = buildScenario(scenario);

    const result = checkGoal(state, goal);

    expect(result.done).toBe(done);
  });

  it('names what is missing on a bare machine', () => {
    const state = buildScenario('bare-machines');

    const { detail } = checkGoal(state, 'packages-installed-and-held');

    expect(detail).toContain('cp-1: swap is on, IP forwarding is off');
    expect(detail).toContain('kubeadm, kubelet and kubectl not installed');
  });

  it('names the machines that have not joined', () => {
    const state = buildScenario('cni-installed');

    const { detail } = checkGoal(state, 'workers-joined');

    expect(detail).toBe('worker-1 and worker-2 have not joined');
  });
});

describe('generic node goals', () => {
  it('reports every node at the control-plane version in a fresh cluster', () => {
    const state = buildScenario('workers-joined');

    const result = checkGoal(state, 'all-nodes-run-version');

    expect(result.done).toBe(true);
  });

  it('names a node whose kubelet trails the control plane', () => {
    const state = withNode(buildScenario('workers-joined'), 'worker-2', {
      kubeletVersion: 'v1.0.0',
    });

    const result = checkGoal(state, 'all-nodes-run-version');

    expect(result.done).toBe(false);
    expect(result.detail).toMatch(/^worker-2 runs v1\.0\.0; the control plane runs v1\./);
  });

  it('is not done while a node is cordoned', () => {
    const state = withNode(buildScenario('workers-joined'), 'worker-1', { unschedulable: true });

    const result = checkGoal(state, 'no-node-cordoned');

    expect(result).toEqual({
      done: false,
      detail: 'worker-1 is cordoned: run kubectl uncordon',
    });
  });

  it('is done when no node is cordoned', () => {
    const state = buildScenario('workers-joined');

    const result = checkGoal(state, 'no-node-cordoned');

    expect(result.done).toBe(true);
  });
});

describe('goal catalogue', () => {
  it('gives every goal a title', () => {
    const titles = Object.values(goals).map((goal) => goal.title);

    expect(titles.every((title) => title.length > 0)).toBe(true);
  });

  it('never reports an unknown goal as done', () => {
    const state = buildScenario('workers-joined');

    const result = checkGoal(state, 'toString');

    expect(result).toEqual({ done: false, detail: 'unknown goal "toString"' });
  });
});

describe('goals judge the outcome, not one way to reach it', () => {
  it('counts KUBECONFIG=/etc/kubernetes/admin.conf as a working kubectl after kubeadm init', () => {
    const state = buildScenario('control-plane-initialized');
    const cp = findMachine(state, 'cp-1');
    if (!cp) throw new Error('no cp-1');
    const { ['/root/.kube/config']: _copied, ...files } = cp.files;
    const withoutCopy = putMachine(state, { ...cp, files });

    const without = checkGoal(withoutCopy, 'control-plane-initialized', { env: { HOME: '/root' } });
    const exported = checkGoal(withoutCopy, 'control-plane-initialized', {
      env: { HOME: '/root', KUBECONFIG: '/etc/kubernetes/admin.conf' },
    });

    expect(without.done).toBe(false);
    expect(without.detail).toContain('export KUBECONFIG=/etc/kubernetes/admin.conf');
    expect(exported.done).toBe(true);
  });

  it('rejects a KUBECONFIG naming a file that does not exist, as client-go would', () => {
    const state = buildScenario('control-plane-initialized');

    const result = checkGoal(state, 'control-plane-initialized', {
      env: { HOME: '/root', KUBECONFIG: '/tmp/nope.conf' },
    });

    expect(result.done).toBe(false);
    expect(result.detail).toContain('KUBECONFIG names /tmp/nope.conf');
  });
});
