/**
 * `kubectl create poddisruptionbudget|pdb NAME --selector=SELECTOR (--min-available=N[%] |
 * --max-unavailable=N[%])`: the policy/v1 PodDisruptionBudget kubectl builds, with its checks.
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/cmd/create/create_pdb.go (Validate: "a
 * selector must be specified", "one of min-available or max-unavailable must be specified",
 * "min-available and max-unavailable cannot be both specified", "invalid format specified for
 * …"; intstr.Parse), apimachinery/pkg/apis/meta/v1/helpers.go ParseToLabelSelector.
 */
import { parseSelector, type Json, type LabelRequirement } from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { generatedMeta, type Built } from './kubectl-create-data.ts';

/** The flags of `create pdb`. */
export const PDB_FLAGS: FlagSpec[] = [
  {
    name: 'min-available',
    type: 'string',
    usage: 'The minimum number or percentage of available pods this budget requires.',
  },
  {
    name: 'max-unavailable',
    type: 'string',
    usage: 'The maximum number or percentage of unavailable pods this budget requires.',
  },
  {
    name: 'selector',
    type: 'string',
    usage:
      'A label selector to use for this budget. Only equality-based selector requirements are supported.',
  },
];

const OPERATORS: Partial<Record<LabelRequirement['op'], string>> = {
  in: 'In',
  notin: 'NotIn',
  exists: 'Exists',
  '!': 'DoesNotExist',
};

/** ParseToLabelSelector: `=`/`==` into matchLabels, set-based ones into matchExpressions. */
function labelSelector(text: string): { value: { [k: string]: Json } } | { error: string } {
  const reqs = parseSelector(text);
  if (!Array.isArray(reqs)) return { error: reqs.error };
  const matchLabels: Record<string, string> = {};
  const matchExpressions: { [k: string]: Json }[] = [];
  for (const r of reqs) {
    if (r.op === '=' || r.op === '==') {
      matchLabels[r.key] = r.values[0] ?? '';
      continue;
    }
    const op = OPERATORS[r.op];
    if (op === undefined)
      return {
        error: `"${r.op === 'gt' ? 'gt' : r.op === 'lt' ? 'lt' : '!='}" is not a valid label selector operator`,
      };
    matchExpressions.push({ key: r.key, operator: op, values: [...r.values] });
  }
  return {
    value: {
      ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
      ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    },
  };
}

/** intstr.Parse: a number, else the text (a percentage). */
const intOrString = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

/** The PodDisruptionBudget `create pdb NAME` builds, or kubectl's error. */
export function buildPdb(_inv: Invocation, p: ParsedFlags, name: string): Built {
  const selector = str(p, 'selector') ?? '';
  const min = str(p, 'min-available') ?? '';
  const max = str(p, 'max-unavailable') ?? '';
  if (selector === '') return { error: 'a selector must be specified' };
  if (min === '' && max === '')
    return { error: 'one of min-available or max-unavailable must be specified' };
  if (min !== '' && max !== '')
    return { error: 'min-available and max-unavailable cannot be both specified' };
  if (min !== '' && !/^[0-9]+%?$/.test(min))
    return { error: 'invalid format specified for min-available' };
  if (max !== '' && !/^[0-9]+%?$/.test(max))
    return { error: 'invalid format specified for max-unavailable' };
  const sel = labelSelector(selector);
  if ('error' in sel) return { error: sel.error };
  return {
    object: {
      kind: 'PodDisruptionBudget',
      apiVersion: 'policy/v1',
      metadata: generatedMeta(name, p),
      spec: {
        ...(min !== '' ? { minAvailable: intOrString(min) } : {}),
        selector: sel.value,
        ...(max !== '' ? { maxUnavailable: intOrString(max) } : {}),
      },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    },
  };
}
