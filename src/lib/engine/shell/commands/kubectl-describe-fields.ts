/**
 * Field access for the describers: kubectl's describers read typed Go structs, these read the
 * API's JSON, so a field is read as an object, a list, text or a number, with Go's zero value
 * when it is absent or of another type.
 */

/** A JSON object as the describers read it. */
export type Obj = Record<string, unknown>;

/** The value as an object ({} for anything else). */
export const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});

/** The value as a list of objects ([] for anything else). */
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** A scalar as Go's %v prints it ('' for objects and absent values). */
export const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** A number (0 for anything else). */
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
