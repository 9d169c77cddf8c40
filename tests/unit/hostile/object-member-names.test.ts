/**
 * Issue 14 (found by `npm run fuzz`): names like the members every JavaScript object inherits
 * (`toString`, `constructor`, `__proto__`) are ordinary names: shell variables unset until
 * assigned, kubectl commands and nodes that do not exist. Never an internal error.
 */
import { describe, expect, it } from 'vitest';
import { createSession, type SerializedState } from 'kubelife';

describe('variables named like JavaScript object members', () => {
  it.each([
    ['echo "[$toString]"', '[]\n'],
    ['echo ${#constructor}', '0\n'],
    ['echo $((valueOf))', '0\n'],
    ['echo ${hasOwnProperty:-unset}', 'unset\n'],
    ['[[ -v toString ]]; echo $?', '1\n'],
  ])('reads %s as unset', async (line, out) => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(line);

    expect(r.output).toBe(out);
  });

  it('stores __proto__ like any other name, and a reload keeps it', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('export __proto__=x; echo $__proto__; env | grep proto');
    const again = createSession({ state: JSON.parse(JSON.stringify(s.save())) as SerializedState });
    const after = await again.run('echo $__proto__ $toString.');

    expect(r.output).toBe('x\n__proto__=x\n');
    expect(after.output).toBe('x .\n');
  });
});

describe('kubectl names like JavaScript object members', () => {
  it.each([
    [
      'kubectl describe node toString',
      'Error from server (NotFound): nodes "toString" not found\n',
    ],
    ['kubectl drain constructor', 'Error from server (NotFound): nodes "constructor" not found\n'],
    [
      'kubectl delete node __proto__',
      'Error from server (NotFound): nodes "__proto__" not found\n',
    ],
    ['kubectl hasOwnProperty', 'error: unknown command "hasOwnProperty" for "kubectl"\n'],
  ])('answers %s like kubectl', async (line, out) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(out);
  });

  it('finds no inherited member in a jsonpath', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get nodes -o jsonpath={.toString}');

    expect(r.output).not.toContain('native code');
  });
});
