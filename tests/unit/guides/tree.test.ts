import { describe, expect, it } from 'vitest';

import { buildGuideTree, type TreeNode } from '../../../src/lib/guides/tree.ts';
import type { GuideEntryLike } from '../../../src/lib/guides/routes.ts';

function entry(
  id: string,
  title: string,
  order: number,
  kind: 'overview' | 'leaf' = 'leaf',
): GuideEntryLike {
  return { id, data: { title, description: `About ${title}.`, kind, order } };
}

const entries: GuideEntryLike[] = [
  entry('upgrade', 'Upgrade a cluster', 2, 'overview'),
  entry('install/verify', 'Verify', 5),
  entry('install', 'Install a cluster', 1, 'overview'),
  entry('install/init-control-plane', 'Initialise the control plane', 2),
  entry('install/prepare-machines', 'Prepare machines', 1),
  entry('upgrade/plan', 'Plan', 1),
  entry('orphan/leaf', 'A leaf without an overview', 1),
];

function currentLabels(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === 'group'
      ? [...(node.current ? [node.label] : []), ...currentLabels(node.entries)]
      : node.current
        ? [node.label]
        : [],
  );
}

describe('buildGuideTree', () => {
  it('groups leaves under their guide in order, with a hard-way link last', () => {
    const tree = buildGuideTree(entries);

    expect(tree).toMatchSnapshot();
  });

  it('marks the current leaf and expands only its branch', () => {
    const tree = buildGuideTree(entries, '/guides/install/init-control-plane/');

    expect(currentLabels(tree)).toEqual(['Initialise the control plane']);
    expect(tree.map((group) => group.expanded)).toEqual([true, false]);
  });

  it('marks an overview as current when given a path without a trailing slash', () => {
    const tree = buildGuideTree(entries, '/guides/upgrade');

    expect(currentLabels(tree)).toEqual(['Upgrade a cluster']);
    expect(tree[1]?.expanded).toBe(true);
  });

  it('expands a guide when its hard-way page is current', () => {
    const tree = buildGuideTree(entries, '/hard-way/install/');

    expect(currentLabels(tree)).toEqual(['All steps on one page']);
    expect(tree[0]?.expanded).toBe(true);
  });

  it('leaves out guides that have no overview page', () => {
    const tree = buildGuideTree(entries);

    expect(tree.map((group) => group.guide)).toEqual(['install', 'upgrade']);
  });
});
