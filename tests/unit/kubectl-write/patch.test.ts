// upstream: staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go, staging/src/k8s.io/apiserver/pkg/
// endpoints/handlers/patch.go, apimachinery/pkg/util/strategicpatch (patchMergeKey), RFC 7386,
// RFC 6902 with github.com/evanphx/json-patch/v5's error wording (checked with kubectl v1.32.4).
import { describe, expect, it } from 'vitest';
import { createSession, jsonPatch, mergePatch, strategicPatch } from 'kubelife';

describe('patch types', () => {
  it('merges objects and deletes keys set to null (RFC 7386)', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      f: [1],
    });
  });

  it('merges containers by name and replaces lists without a merge key', () => {
    const pod = {
      spec: {
        containers: [
          { name: 'a', image: 'x:1' },
          { name: 'b', image: 'y:1' },
        ],
        tolerations: [{ key: 't' }],
      },
    };

    const r = strategicPatch(pod, {
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }],
        containers: [
          { name: 'b', image: 'y:2' },
          { name: 'a', $patch: 'delete' },
        ],
        tolerations: [{ key: 'u' }],
      },
    });

    expect(r).toEqual({
      spec: { containers: [{ name: 'b', image: 'y:2' }], tolerations: [{ key: 'u' }] },
    });
  });

  it('applies JSON patch operations and names a missing path as evanphx/json-patch does', () => {
    expect(
      jsonPatch({ a: [1, 2] }, [
        { op: 'add', path: '/a/1', value: 9 },
        { op: 'replace', path: '/b', value: 1 },
      ]),
    ).toEqual({
      ok: true,
      value: { a: [1, 9, 2], b: 1 },
    });
    expect(jsonPatch({}, [{ op: 'remove', path: '/x' }])).toEqual({
      ok: false,
      message: "error in remove for path: '/x': Unable to remove nonexistent key: x: missing value",
    });
    expect(jsonPatch({}, [{ op: 'test', path: '/kind', value: 'Pod' }])).toEqual({
      ok: false,
      message: 'testing value /kind failed: test failed',
    });
  });
});

describe('kubectl patch', () => {
  it('patches a node label, then reports no change for the same patch', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const first = await s.run(`kubectl patch node cp-1 -p '{"metadata":{"labels":{"a":"b"}}}'`);
    const second = await s.run(`kubectl patch node cp-1 -p '{"metadata":{"labels":{"a":"b"}}}'`);

    expect(first.stdout).toBe('node/cp-1 patched\n');
    expect(second.stdout).toBe('node/cp-1 patched (no change)\n');
    expect((await s.run('kubectl get nodes -l a=b -o name')).stdout).toBe('node/cp-1\n');
  });

  it('removes a label with a JSON patch', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl label node cp-1 a=b');
    const r = await s.run(
      `kubectl patch node cp-1 --type=json -p '[{"op":"remove","path":"/metadata/labels/a"}]'`,
    );

    expect(r.stdout).toBe('node/cp-1 patched\n');
    expect((await s.run('kubectl get nodes -l a -o name')).stdout).toBe('');
  });

  it.each([
    [
      "kubectl patch node cp-1 --type=foo -p '{}'",
      'error: --type must be one of [json merge strategic], not "foo"',
    ],
    [
      'kubectl patch node cp-1',
      'error: must specify --patch or --patch-file containing the contents of the patch',
    ],
    [
      `kubectl patch node nope -p '{"a":1}'`,
      'Error from server (NotFound): nodes "nope" not found',
    ],
    [
      `kubectl patch node cp-1 --type=json -p '[{"op":"add","path":"/x/y","value":1}]'`,
      'error: add operation does not apply: doc is missing path: "/x/y": missing value',
    ],
  ])('answers %s with kubectl wording', async (line, message) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });
});
