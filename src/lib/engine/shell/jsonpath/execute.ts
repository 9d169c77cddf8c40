/**
 * Executes a parsed jsonpath template over JSON the way client-go's JSONPath does (filters,
 * slices, unions, recursive descent), with missing keys allowed as `kubectl get` allows them
 * (--allow-missing-template-keys defaults to true). `{range}…{end}` blocks nest and the template
 * goes on after them, also after an empty range: measured with kubectl v1.32.
 *
 * upstream: staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go (FindResults, walk, eval*),
 * client-go/third_party/forked/golang/template/funcs.go (comparisons).
 */
import type { JsonpathList, JsonpathNode, SliceParam } from './parse.ts';

type Obj = Record<string, unknown>;

/** A float64 literal of a template (`10.0` is a float to Go's comparisons, `10` an int). */
export class Float64 {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Go's basic kinds for comparisons. */
function kindOf(v: unknown): 'string' | 'int' | 'float' | 'bool' | 'other' {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof Float64) return 'float';
  return 'other';
}

function compare(op: string, left: unknown, right: unknown): boolean {
  const kl = kindOf(left);
  const kr = kindOf(right);
  if (kl === 'other' || kr === 'other') throw new Error('invalid type for comparison');
  if (kl !== kr) throw new Error('incompatible types for comparison');
  const a = (left instanceof Float64 ? left.value : left) as string | number | boolean;
  const b = (right instanceof Float64 ? right.value : right) as string | number | boolean;
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (kl === 'bool') throw new Error('invalid type for comparison');
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  if (op === '>=') return a >= b;
  throw new Error(`unrecognized filter operator ${op}`);
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isObj(v)) return Object.values(v);
  // A Go string's elements are its bytes (uint8), which have no elements of their own.
  if (typeof v === 'string') return Array.from(v, (c) => c.charCodeAt(0));
  return [];
}

function typeName(v: unknown): string {
  if (isObj(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

const isKeyword = (n: JsonpathNode | undefined, name: string): boolean =>
  n?.type === 'list' && n.nodes[0]?.type === 'identifier' && n.nodes[0].name === name;

/** Index of the `{end}` closing the `{range}` at `start`, or the template's length. */
function matchingEnd(nodes: readonly JsonpathNode[], start: number): number {
  let depth = 0;
  for (let i = start; i < nodes.length; i++) {
    if (isKeyword(nodes[i], 'range')) depth++;
    else if (isKeyword(nodes[i], 'end') && --depth === 0) return i;
  }
  return nodes.length;
}

/** The executor. */
class Executor {
  findResults(data: unknown, nodes: readonly JsonpathNode[]): unknown[][] {
    const cur = [data];
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as JsonpathNode;
      if (isKeyword(node, 'end')) throw new Error('not in range, nothing to end');
      if (node.type === 'list' && isKeyword(node, 'range')) {
        // {range EXPR}BODY{end}: BODY once per result of EXPR, then on after the end.
        const results = node.nodes.slice(1).reduce<unknown[]>((c, n) => this.walk(c, n), cur);
        const end = matchingEnd(nodes, i);
        const body = nodes.slice(i + 1, end);
        for (const value of results) full.push(...this.findResults(value, body));
        i = end;
        continue;
      }
      full.push(this.walk(cur, node));
    }
    return full;
  }

  private walk(input: unknown[], node: JsonpathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce<unknown[]>((cur, n) => this.walk(cur, n), input);
      case 'text':
        return [node.text];
      case 'field':
        return input.flatMap((v) =>
          isObj(v) && Object.hasOwn(v, node.name) ? [v[node.name]] : [],
        );
      case 'array':
        return input.flatMap((v) => this.slice(v, node.params));
      case 'filter':
        return input.flatMap((v) => this.filter(v, node.left, node.right, node.op));
      case 'int':
      case 'bool':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new Float64(node.value));
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : children(v)));
      case 'recursive':
        return this.recursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.walk(input, l));
      case 'identifier':
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }

  private slice(v: unknown, p: readonly [SliceParam, SliceParam, SliceParam]): unknown[] {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`${typeName(v)} is not array or slice`);
    const len = v.length;
    let start = p[0].known ? p[0].value : 0;
    if (start < 0) start += len;
    let end = p[1].known ? p[1].value : len;
    if (end < 0 || (end === 0 && p[1].derived === true)) end += len;
    if (end !== start) {
      if (start >= len) throw new Error(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len) throw new Error(`array index out of bounds: index ${end - 1}, length ${len}`);
    }
    if (start < 0 || end < start) throw new Error(`slice bounds out of range [${start}:${end}]`);
    const part = v.slice(start, end);
    if (!p[2].known) return part;
    // Go's Slice3 sets a capacity, not a step: the elements are the same as a two-index slice.
    return part;
  }

  private filter(v: unknown, left: JsonpathList, right: JsonpathList, op: string): unknown[] {
    if (!Array.isArray(v))
      throw new Error(`${String(v)} is not array or slice and cannot be filtered`);
    return v.filter((item) => {
      let lefts: unknown[];
      try {
        lefts = this.walk([item], left);
      } catch (error) {
        if (op === 'exists') return false;
        throw error;
      }
      if (op === 'exists') return lefts.length > 0;
      // An item without the compared field does not match (kubectl v1.32 prints nothing, exit 0).
      if (lefts.length === 0) return false;
      if (lefts.length !== 1) throw new Error('can only compare one element at a time');
      const rights = this.walk([item], right);
      if (rights.length !== 1) throw new Error('can only compare one element at a time');
      return compare(op, lefts[0], rights[0]);
    });
  }

  private recursive(input: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length > 0) {
        out.push(v);
        out.push(...this.recursive(kids));
      }
    }
    return out;
  }
}

/** Runs a parsed template over `data`: one result list per printed action (jsonpath.go FindResults). */
export function findResults(template: JsonpathList, data: unknown): unknown[][] {
  return new Executor().findResults(data, template.nodes);
}
