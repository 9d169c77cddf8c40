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
  simulator: z.looseObject({
    machine: z.string(),
    createdAt: time,
    // When spec.unschedulable last became true (the unschedulable taint's timeAdded).
    cordonedAt: z.optional(time),
    // The kubelet's record of cordons and uncordons (objects/node-schedulable-events.ts).
    schedulableChanges: z.optional(
      z.array(z.strictObject({ at: time, unschedulable: z.boolean() })),
    ),
  }),
});

/** The cluster's own workloads, whose Pods are compact records (state.ts PodObject['app']). */
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

/**
 * A reader's Pod (workloads/user-pods.ts): its own containers, whatever their names, and the
 * simulation's record of when it was created.
 */
const userPodObjectSchema = z.looseObject({
  ...objectSchema.shape,
  metadata: z.looseObject({ ...metadataSchema.shape, namespace: z.string() }),
  spec: z.looseObject({
    nodeName: z.optional(z.string()),
    containers: z.array(z.looseObject({ name: z.string() })),
  }),
  simulator: z.looseObject({ user: z.literal(true), createdAt: time }),
});

const count = z.int().check(z.gte(0));

/** Which component renews a Lease, on which Node, in which slot (objects/leases.ts LeaseHolder). */
const leaseHolderSchema = z.strictObject({
  kind: z.enum(['node', 'leader', 'identity']),
  node: z.string(),
  slot: count,
});

/** A Lease: its holder, when a component renews it. */
const leaseObjectSchema = z.looseObject({
  ...objectSchema.shape,
  simulator: z.optional(leaseHolderSchema),
});

/** The Leases' renewal rounds (store/buckets.ts LeaseRenewals, objects/lease-renewals.ts). */
const renewalsSchema = z.strictObject({
  slots: count,
  rounds: z.array(z.strictObject({ rv: count, at: time, slots: count })),
  taken: count,
  gone: z.optional(
    z.array(
      z.strictObject({
        namespace: z.string(),
        name: z.string(),
        due: time,
        holder: leaseHolderSchema,
      }),
    ),
  ),
});

/** The schema of a stored object of `resource`: per kind of Pod, per resource, else metadata. */
function schemaOf(resource: string, object: unknown): z.ZodMiniType {
  if (resource === 'nodes') return nodeObjectSchema;
  if (resource === 'leases.coordination.k8s.io') return leaseObjectSchema;
  if (resource !== 'pods') return objectSchema;
  const sim = (object as { simulator?: { user?: unknown } } | null)?.simulator;
  return sim?.user === true ? userPodObjectSchema : podObjectSchema;
}

const table = <T extends z.core.$ZodType>(value: T) => z.record(z.string(), value);

/**
 * The store's shape: a global resourceVersion, per resource two levels of buckets, and the
 * Leases' renewal rounds.
 */
export const storeSchema = z.looseObject({
  rv: z.int(),
  resources: table(table(table(table(z.unknown())))),
  renewals: z.optional(renewalsSchema),
  // What the configuration's writers last wrote (controllers/publishers.ts): key → content hash.
  published: z.optional(z.record(z.string(), z.string())),
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
          const parsed = schemaOf(resource, object).safeParse(object);
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
