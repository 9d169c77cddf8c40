/**
 * Pod labels and label selectors (`kubectl get -l`, `?labelSelector=`) parsed and matched as
 * staging/src/k8s.io/apimachinery/pkg/labels/selector.go (v1.33) does: its lexer, its
 * recursive-descent parser with the same error texts, `in`/`notin`/`!`/`>`/`<`, requirements
 * sorted by key. Labels are derived from the workload:
 * kubeadm's static Pods carry `component` and `tier=control-plane`
 * (cmd/kubeadm/app/util/staticpod/utils.go ComponentPod), kube-proxy and CoreDNS `k8s-app`
 * (cmd/kubeadm/app/phases/addons/{proxy,dns}/manifests.go), Flannel `app=flannel`, `k8s-app=flannel`,
 * `tier=node` (kube-flannel.yml). Generated labels such as pod-template-hash are not modelled.
 */
import type { PodObject } from '../model/state.ts';
import { labelValueErrors, qualifiedNameErrors } from './validation.ts';

/** The labels a pod of this workload carries. */
export function podLabels(app: PodObject['app']): Readonly<Record<string, string>> {
  switch (app) {
    case 'kube-proxy':
      return { 'k8s-app': 'kube-proxy' };
    case 'coredns':
      return { 'k8s-app': 'kube-dns' };
    case 'kube-flannel':
      return { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' };
    default:
      return { component: app, tier: 'control-plane' };
  }
}

/** A selector operator (apimachinery selection.Operator). */
export type SelectorOp = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a selector: a key, an operator and its values (empty for exists / `!`). */
export interface LabelRequirement {
  readonly key: string;
  readonly op: SelectorOp;
  readonly values: readonly string[];
}

type Tok =
  'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
interface Item {
  readonly tok: Tok;
  readonly lit: string;
}

const KEYWORDS: Readonly<Record<string, Tok>> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SPACE = new Set([' ', '\t', '\r', '\n']);
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

/** Lexer.Lex over the whole input, ending with the end token. */
function scan(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && SPACE.has(s[pos] ?? '')) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    if (SPECIAL.has(s[pos] ?? '')) {
      let buffer = '';
      let last: Item | null = null;
      while (pos < s.length && SPECIAL.has(s[pos] ?? '')) {
        buffer += s[pos];
        pos++;
        const tok = Object.hasOwn(KEYWORDS, buffer) ? KEYWORDS[buffer] : undefined;
        if (tok !== undefined) last = { tok, lit: buffer };
        else if (last !== null) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      while (pos < s.length && !SPECIAL.has(s[pos] ?? '') && !SPACE.has(s[pos] ?? '')) {
        buffer += s[pos];
        pos++;
      }
      const tok = Object.hasOwn(KEYWORDS, buffer) ? KEYWORDS[buffer] : undefined;
      items.push({ tok: tok ?? 'id', lit: buffer });
    }
  }
}

class SelectorError extends Error {}

/** The recursive-descent parser of selector.go, over scanned items. */
class Parser {
  private position = 0;
  private readonly items: readonly Item[];
  constructor(items: readonly Item[]) {
    this.items = items;
  }

  /** In the Values context the keywords `in` and `notin` are identifiers. */
  private look(values: boolean): Item {
    const it = this.items[this.position] ?? { tok: 'end', lit: '' };
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }

  private take(values: boolean): Item {
    const it = this.look(values);
    this.position++;
    return it;
  }

  parse(): LabelRequirement[] {
    const out: LabelRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.look(true);
      if (tok === 'end') return out;
      if (tok !== 'id' && tok !== '!')
        throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        out.push(this.requirement());
      } catch (e) {
        if (e instanceof SelectorError)
          throw new SelectorError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const next = this.take(true);
      if (next.tok === 'end') return out;
      if (next.tok !== ',')
        throw new SelectorError(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.look(true);
      if (after.tok !== 'id' && after.tok !== '!')
        throw new SelectorError(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let item = this.take(true);
    let op: SelectorOp | null = null;
    if (item.tok === '!') {
      op = '!';
      item = this.take(true);
    }
    if (item.tok !== 'id') throw new SelectorError(`found '${item.lit}', expected: identifier`);
    const key = item.lit;
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length > 0)
      throw new SelectorError(`<nil>: Invalid value: "${key}": ${keyErrs.join('; ')}`);
    const ahead = this.look(true).tok;
    if (ahead === 'end' || ahead === ',') return validated(key, op ?? 'exists', []);
    if (op === '!') return validated(key, '!', []);
    op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.valueSet() : this.exactValue();
    return validated(key, op, values);
  }

  private operator(): SelectorOp {
    const { tok, lit } = this.take(false);
    const ops: Partial<Record<Tok, SelectorOp>> = {
      in: 'in',
      '=': '=',
      '==': '==',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': '!=',
    };
    const op = ops[tok];
    if (op === undefined)
      throw new SelectorError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return op;
  }

  private valueSet(): string[] {
    const open = this.take(true);
    if (open.tok !== '(') throw new SelectorError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.look(true);
    if (tok === ')') {
      this.take(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',')
      throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`);
    const set = this.identifiers();
    if (this.take(true).tok !== ')') throw new SelectorError(`found '${lit}', expected: ')'`);
    return set;
  }

  private identifiers(): string[] {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.take(true);
      if (tok === 'id') {
        s.add(lit);
        const next = this.look(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') return [...s].sort();
        throw new SelectorError(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok !== ',') throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
      if (s.size === 0) s.add('');
      const next = this.look(true).tok;
      if (next === ')') {
        s.add('');
        return [...s].sort();
      }
      if (next === ',') s.add('');
    }
  }

  private exactValue(): string[] {
    const ahead = this.look(true).tok;
    if (ahead === 'end' || ahead === ',') return [''];
    const { tok, lit } = this.take(true);
    if (tok === 'id') return [lit];
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
}

/** NewRequirement's checks on the operator's values (field paths as upstream prints them). */
function validated(key: string, op: SelectorOp, values: string[]): LabelRequirement {
  const errs: string[] = [];
  if ((op === 'gt' || op === 'lt') && values.length === 1 && !/^[-+]?\d+$/.test(values[0] ?? ''))
    errs.push(
      `values[0]: Invalid value: "${values[0] ?? ''}": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  values.forEach((v, i) => {
    const bad = labelValueErrors(v);
    if (bad.length > 0) errs.push(`values[${i}][${key}]: Invalid value: "${v}": ${bad.join('; ')}`);
  });
  if (errs.length === 1) throw new SelectorError(errs[0]);
  if (errs.length > 1) throw new SelectorError(`[${errs.join(', ')}]`);
  return { key, op, values };
}

/**
 * Parses a selector as labels.Parse does; returns the requirements sorted by key, or the error
 * message the API server answers with (a requirement's errors start `unable to parse requirement: `,
 * the separators' errors do not, as upstream).
 */
export function parseSelector(text: string): LabelRequirement[] | { error: string } {
  try {
    const reqs = new Parser(scan(text)).parse();
    return [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  } catch (e) {
    if (!(e instanceof SelectorError)) throw e;
    return { error: e.message };
  }
}

/** Requirement.Matches for every requirement (`!=` and `notin` match an absent key). */
export function matchesSelector(
  labels: Readonly<Record<string, string>>,
  reqs: readonly LabelRequirement[],
): boolean {
  return reqs.every((r) => {
    const v = labels[r.key];
    switch (r.op) {
      case '=':
      case '==':
      case 'in':
        return v !== undefined && r.values.includes(v);
      case '!=':
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case '!':
        return v === undefined;
      default: {
        if (v === undefined || !/^[-+]?\d+$/.test(v)) return false;
        const n = Number(v);
        const want = Number(r.values[0]);
        return r.op === 'gt' ? n > want : n < want;
      }
    }
  });
}

const EXPRESSION_OPS: Readonly<Record<string, SelectorOp>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * metav1.LabelSelectorAsSelector: a stored `{matchLabels, matchExpressions}` as requirements sorted
 * by key (matchLabels as `=`, expressions' In/NotIn/Exists/DoesNotExist), or null for a selector
 * an API server would have refused (unknown operator).
 */
export function labelSelectorRequirements(selector: unknown): LabelRequirement[] | null {
  if (selector === null || typeof selector !== 'object') return [];
  const s = selector as {
    readonly matchLabels?: Readonly<Record<string, string>>;
    readonly matchExpressions?: readonly {
      readonly key?: string;
      readonly operator?: string;
      readonly values?: readonly string[];
    }[];
  };
  const out: LabelRequirement[] = Object.entries(s.matchLabels ?? {}).map(([key, v]) => ({
    key,
    op: '=',
    values: [v],
  }));
  for (const e of s.matchExpressions ?? []) {
    const op = Object.hasOwn(EXPRESSION_OPS, e.operator ?? '')
      ? EXPRESSION_OPS[e.operator ?? '']
      : undefined;
    if (op === undefined) return null;
    out.push({ key: e.key ?? '', op, values: [...(e.values ?? [])].sort() });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Selector.String(): `k=v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, joined by commas. */
export function selectorString(reqs: readonly LabelRequirement[]): string {
  return reqs
    .map((r) => {
      const vals = [...r.values].sort().join(',');
      switch (r.op) {
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.op} (${vals})`;
        case 'gt':
          return `${r.key}>${vals}`;
        case 'lt':
          return `${r.key}<${vals}`;
        default:
          return `${r.key}${r.op}${vals}`;
      }
    })
    .join(',');
}
