/**
 * Label selectors as apimachinery parses and matches them
 * (staging/src/k8s.io/apimachinery/pkg/labels/selector.go and selector_test.go, v1.33:
 * TestToString, TestLexer, TestParserLookahead, TestRequirementConstructor; error texts also seen
 * in real transcripts, e.g. `unable to parse requirement: <nil>: Invalid value: "app:monolith"`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  labelSelectorRequirements,
  matchesSelector,
  parseSelector,
  selectorString,
  type LabelRequirement,
} from '../../../src/lib/engine/src/index.ts';
import { createSession } from '../../../src/lib/engine/shell/index.ts';

function reqs(text: string): LabelRequirement[] {
  const r = parseSelector(text);
  if (!Array.isArray(r)) throw new Error(r.error);
  return r;
}

describe('parseSelector', () => {
  it('reads set-based requirements and prints them back as Selector.String does', () => {
    expect(selectorString(reqs('x in (foo,,baz),y,z notin ()'))).toBe(
      'x in (,baz,foo),y,z notin ()',
    );
    expect(selectorString(reqs('w in (),x=a,!y'))).toBe('w in (),x=a,!y');
    expect(selectorString(reqs('x>1,y<5'))).toBe('x>1,y<5');
    expect(selectorString(reqs('b==c, a!=d'))).toBe('a!=d,b==c');
  });

  it('treats in and notin as values inside a value set', () => {
    expect(reqs('x in (in,notin)')).toEqual([{ key: 'x', op: 'in', values: ['in', 'notin'] }]);
  });

  it('answers with the parser and validation errors of upstream', () => {
    const err = (t: string) => (parseSelector(t) as { error: string }).error;
    expect(err('x=a b')).toBe("found 'b', expected: ',' or 'end of string'");
    expect(err('a,')).toBe("found '', expected: identifier after ','");
    expect(err('a b')).toBe(
      "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
    );
    expect(err('x in (a')).toBe("unable to parse requirement: found '', expected: ',' or ')'");
    expect(err('x in a')).toBe("unable to parse requirement: found 'a' expected: '('");
    expect(err('x=a,y=(')).toBe("unable to parse requirement: found '(', expected: identifier");
    expect(err('app:monolith')).toMatch(
      /^unable to parse requirement: <nil>: Invalid value: "app:monolith": name part must consist/,
    );
    expect(err('x>a')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
    expect(err('x=-a')).toMatch(
      /^unable to parse requirement: values\[0\]\[x\]: Invalid value: "-a": a valid label/,
    );
  });

  it('never throws and either parses or explains, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        const r = parseSelector(t);
        return Array.isArray(r) || r.error.length > 0;
      }),
    );
  });

  it('round-trips: a parsed selector printed and parsed again is the same selector', () => {
    const key = fc.constantFrom('a', 'b.io/c', 'k8s-app', 'tier');
    const value = fc.constantFrom('', 'x', 'y-1', 'in');
    const req = fc.oneof(
      fc.tuple(key, fc.constantFrom('=', '==', '!='), value).map(([k, o, v]) => `${k}${o}${v}`),
      fc
        .tuple(key, fc.constantFrom('in', 'notin'), fc.array(value, { minLength: 1, maxLength: 3 }))
        .map(([k, o, vs]) => `${k} ${o} (${vs.join(',')})`),
      key.map((k) => k),
      key.map((k) => `!${k}`),
    );
    fc.assert(
      fc.property(fc.array(req, { minLength: 1, maxLength: 4 }), (parts) => {
        const once = reqs(parts.join(','));
        expect(reqs(selectorString(once))).toEqual(once);
      }),
    );
  });
});

describe('matchesSelector', () => {
  const labels = { app: 'web', tier: 'front', n: '7' };
  it('matches as Requirement.Matches does, notin and != also matching an absent key', () => {
    expect(matchesSelector(labels, reqs('app in (web,api)'))).toBe(true);
    expect(matchesSelector(labels, reqs('app notin (web)'))).toBe(false);
    expect(matchesSelector(labels, reqs('missing notin (x),missing!=y,!missing'))).toBe(true);
    expect(matchesSelector(labels, reqs('n>5,n<8'))).toBe(true);
    expect(matchesSelector(labels, reqs('app>1'))).toBe(false);
    expect(matchesSelector(labels, reqs('tier'))).toBe(true);
  });
});

describe('labelSelectorRequirements', () => {
  it('turns matchLabels and matchExpressions into one sorted selector (LabelSelectorAsSelector)', () => {
    const r = labelSelectorRequirements({
      matchLabels: { tier: 'front', app: 'web' },
      matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod', 'dev'] }],
    });
    expect(selectorString(r ?? [])).toBe('app=web,env notin (dev,prod),tier=front');
    expect(labelSelectorRequirements({ matchExpressions: [{ key: 'a', operator: 'Near' }] })).toBe(
      null,
    );
  });
});

describe('kubectl get -l', () => {
  it('selects with set-based requirements and reports a bad selector as the API server does', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const dns = await s.run("kubectl get pods -A -l 'k8s-app in (kube-dns)' -o name");
    const none = await s.run(
      "kubectl get pods -n kube-system -l 'tier notin (control-plane),!k8s-app'",
    );
    const bad = await s.run("kubectl get deploy -A -l 'app:web'");

    expect(dns.stdout.trim().split('\n')).toHaveLength(2);
    expect(dns.stdout).toMatch(/^pod\/coredns-/);
    expect(none.stderr).toBe('No resources found in kube-system namespace.\n');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(
      /^Error from server \(BadRequest\): Unable to find "apps\/v1, Resource=deployments" that match label selector "app:web", field selector "": unable to parse requirement: <nil>: Invalid value: "app:web": /,
    );
  });
});

describe('kubectl get -w / --watch-only', () => {
  it('lists (or, watch-only, does not), then says why it returns instead of watching', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const watch = await s.run('kubectl get nodes -w');
    const only = await s.run('kubectl get pods -A --watch-only');
    const empty = await s.run('kubectl get pods -n nope -w');
    const two = await s.run('kubectl get pods,svc -w');

    expect(watch.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS/);
    expect(watch.stderr).toMatch(/^kubectl: this simulator stops watching here: /);
    expect(only.stdout).toBe('');
    expect(empty.stderr).not.toContain('No resources found');
    expect(two.stderr).toBe('error: you may only specify a single resource type\n');
  });
});

describe('selectors whose words are JavaScript object members', () => {
  it('reads constructor and toString as label keys and values', () => {
    expect(reqs('constructor=toString,hasOwnProperty in (valueOf)')).toEqual([
      { key: 'constructor', op: '=', values: ['toString'] },
      { key: 'hasOwnProperty', op: 'in', values: ['valueOf'] },
    ]);
  });
});
