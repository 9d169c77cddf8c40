/**
 * Issue 14 (found by `npm run fuzz`): shell variables named like members every JavaScript object
 * inherits (`toString`, `constructor`, `__proto__`) are ordinary bash names: unset until assigned,
 * never an internal error.
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
