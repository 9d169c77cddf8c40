/**
 * Reading the fields of a JSON object without trusting its shape: what the defaulting code
 * (store/defaults.ts, store/pod-defaults.ts, objects/job-strategy.ts) uses on a client's object.
 */
import type { Json } from './types.ts';

/** A JSON object. */
export type JsonObject = { readonly [k: string]: Json };

/** True for a JSON object (not null, not an array). */
export const isObj = (v: Json | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** The object at `k` (an empty one when it is not an object). */
export const objAt = (o: JsonObject, k: string): JsonObject => {
  const v = o[k];
  return isObj(v) ? v : {};
};

/** The objects of the list at `k` (none when it is not a list). */
export const arrAt = (o: JsonObject, k: string): readonly JsonObject[] => {
  const v = o[k];
  return Array.isArray(v) ? (v as readonly Json[]).filter(isObj) : [];
};
