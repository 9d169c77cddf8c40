/**
 * The values a Go template sees when kubectl runs it: the object went through json.Marshal and
 * apimachinery's json.Unmarshal into map[string]interface{}, so objects are maps, arrays are
 * []interface{}, whole JSON numbers are int64, other numbers float64 and JSON null is a nil
 * interface. Template constants add ints and float64s (`{{3}}`, `{{3.0}}`), kept apart because
 * Go's comparisons and fmt verbs tell them apart.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/printers/template.go (PrintObj),
 * staging/src/k8s.io/apimachinery/pkg/util/json/json.go (convertNumber), Go's
 * text/template/exec.go (idealConstant, isTrue).
 */

/**
 * A Go integer: `int` for template constants, `len` and `range` indexes; `int64` for JSON
 * numbers without a fraction (apimachinery's json.Unmarshal converts them). Other JSON numbers
 * are float64 (plain JavaScript numbers).
 */
export class GoInt {
  readonly value: number;
  readonly type: 'int' | 'int64';
  constructor(value: number, type: 'int' | 'int64' = 'int') {
    this.value = value;
    this.type = type;
  }
}

/**
 * A value inside the template engine. `undefined` is Go's invalid reflect.Value (a missing map
 * key under missingkey=default), printed `<no value>`; `null` is a nil interface (`<nil>`).
 */
export type GoValue =
  | undefined
  | null
  | string
  | number
  | boolean
  | GoInt
  | readonly GoValue[]
  | { readonly [k: string]: GoValue };

/** A map[string]interface{} (a JSON object). */
export function isMap(v: GoValue): v is { readonly [k: string]: GoValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoInt);
}

/** A []interface{} (a JSON array). */
export function isSlice(v: GoValue): v is readonly GoValue[] {
  return Array.isArray(v);
}

/** Go's type name of a value, as %T and error messages print it. */
export function goType(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (v instanceof GoInt) return v.type;
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return isSlice(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** text/template's isTrue: zero values, empty collections and nil are false. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  if (v instanceof GoInt) return v.value !== 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'boolean') return v;
  return isSlice(v) ? v.length > 0 : Object.keys(v).length > 0;
}

/** Map keys in the order Go's fmt and range visit them (sorted). */
export function sortedKeys(m: { readonly [k: string]: GoValue }): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** JSON as the template receives it: whole numbers become int64. */
export function fromJson(v: unknown): GoValue {
  if (typeof v === 'number') return Number.isInteger(v) ? new GoInt(v, 'int64') : v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v as GoValue;
}
