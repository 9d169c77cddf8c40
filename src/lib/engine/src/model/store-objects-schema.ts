/**
 * The zod schema of a saved API object store (store/buckets.ts `ObjectStore`), part of the
 * saved-cluster check (cluster-schema.ts). Every stored object has an apiVersion, a kind and
 * metadata with a name; Nodes and Pods also carry what the engine reads from them on every
 * command (state/nodes.ts nodeRecord, state/pods.ts podRecord). Problems are reported by resource
 * and object key (`objects.nodes.cp-1.simulator.machine`), not by the storage buckets.
 */
import * as z from 'zod/mini';
import { isSimulatedTime } from '../clock.ts';

const time = z
  .number()
  .check(z.refine(isSimulatedTime, 'not a time between 1970 and 9999-12-31T23:59:59Z'));
const stringMap = z.record(z.string(), z.string());

/** ObjectMeta: what listing, printing and writing read. */
const metadataSchema = z.looseObject({
  name: z.string(),
  namespace: z.optional(z.string()),
  uid: z.optional(z.string()),
  resourceVersion: z.optional(z.string()),
  creationTimestamp: z.optional(z.string()),
  labels: z.optional(stringMap),
  annotations: z.optional(stringMap),
  finalizers: z.optional(z.array(z.string())),
});

const objectSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: metadataSchema,
});

const nodeObjectSchema = z.looseObject({
  ...objectSchema.shape,
  spec: z.optional(z.looseObject({ unschedulable: z.optional(z.boolean()) })),
  simulator: z.looseObject({ machine: z.string(), createdAt: time }),
});

/** The workloads whose Pods the engine models (state.ts PodObject['app']). */
const APPS = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
  'coredns',
  'kube-flannel',
] as const;

const podObjectSchema = z.looseObject({
  ...objectSchema.shape,
  metadata: z.looseObject({ ...metadataSchema.shape, namespace: z.string() }),
  spec: z.looseObject({
    nodeName: z.optional(z.string()),
    containers: z.tuple([z.looseObject({ name: z.enum(APPS) })], z.looseObject({})),
  }),
  simulator: z.looseObject({ createdAt: time }),
});

/** Resources whose objects the engine reads beyond metadata, with their schemas. */
const SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = {
  nodes: nodeObjectSchema,
  pods: podObjectSchema,
};

const table = <T extends z.core.$ZodType>(value: T) => z.record(z.string(), value);

/** The store's shape: a global resourceVersion and, per resource, two levels of buckets. */
export const storeSchema = z.looseObject({
  rv: z.int(),
  resources: table(table(table(table(z.unknown())))),
});

/** What a refinement context can report. */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string; input?: unknown }): void;
}

/** Checks every stored object against its resource's schema; reports the first bad one. */
export function checkStoredObjects(store: z.infer<typeof storeSchema>, ctx: IssueSink): void {
  for (const [resource, level1] of Object.entries(store.resources))
    for (const level2 of Object.values(level1))
      for (const leaf of Object.values(level2))
        for (const [key, object] of Object.entries(leaf)) {
          const parsed = (SCHEMAS[resource] ?? objectSchema).safeParse(object);
          if (parsed.success) continue;
          const issue = parsed.error.issues[0];
          ctx.addIssue({
            code: 'custom',
            path: ['objects', resource, key.replace(/^\//, ''), ...(issue?.path ?? [])],
            message: issue?.message ?? 'invalid object',
          });
          return;
        }
}
