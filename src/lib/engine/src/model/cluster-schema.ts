/**
 * The zod schema of a saved cluster (state.ts `Cluster`), part of the saved-state check
 * (state-schema.ts). The fields every command reads are checked by type: tokens, the endpoints,
 * and in the API object store every object's apiVersion, kind and metadata, plus what the engine
 * reads from Nodes and Pods (store-objects-schema.ts). Saves from before the store kept Nodes,
 * Pods and namespaces in records of their own (state/migrate.ts moves them); those records are
 * checked when present. Other fields pass through, so features can add them without touching
 * this file.
 */
import * as z from 'zod/mini';
import { isSimulatedTime } from '../clock.ts';
import { checkStoredObjects, storeSchema } from './store-objects-schema.ts';

const time = z
  .number()
  .check(z.refine(isSimulatedTime, 'not a time between 1970 and 9999-12-31T23:59:59Z'));
const strings = z.array(z.string());

const nodeSchema = z.looseObject({
  name: z.string(),
  machine: z.string(),
  controlPlane: z.boolean(),
  createdAt: time,
  kubeletVersion: z.string(),
  unschedulable: z.optional(z.boolean()),
});

const podSchema = z.looseObject({
  namespace: z.string(),
  name: z.string(),
  app: z.enum([
    'etcd',
    'kube-apiserver',
    'kube-controller-manager',
    'kube-scheduler',
    'kube-proxy',
    'coredns',
    'kube-flannel',
  ]),
  node: z.nullable(z.string()),
  createdAt: time,
});

const tokenSchema = z.looseObject({
  id: z.string(),
  secret: z.string(),
  expires: z.nullable(time),
  description: z.string(),
  usages: strings,
  groups: strings,
});

const csrSchema = z.looseObject({
  name: z.string(),
  signerName: z.string(),
  requestor: z.string(),
  createdAt: time,
  requestedDurationMs: z.nullable(z.number()),
  condition: z.enum(['Pending', 'Approved', 'Approved,Issued', 'Denied']),
  node: z.string(),
});

const endpointsSchema = z.looseObject({
  addresses: strings,
  ports: z.array(z.looseObject({ name: z.string(), port: z.int(), protocol: z.string() })),
  reconciledAt: time,
});

/** Schema of a saved Cluster: what commands read checked by type, the rest passed through. */
export const clusterSchema = z
  .looseObject({
    // The collections first, with the wording of state/migrate.ts (the first issue is reported).
    // Records of saves from before the store held Nodes, Pods and namespaces.
    nodes: z.optional(z.record(z.string(), nodeSchema, { error: 'the cluster has no nodes' })),
    pods: z.optional(z.record(z.string(), podSchema, { error: 'the cluster has no pods' })),
    namespaces: z.optional(z.array(z.string(), { error: 'the cluster has no namespaces' })),
    tokens: z.array(tokenSchema, { error: 'the cluster has no tokens' }),
    version: z.string(),
    endpoint: z.string(),
    controlPlaneEndpoint: z.nullable(z.string()),
    podSubnet: z.nullable(z.string()),
    serviceSubnet: z.string(),
    caKeyId: z.string(),
    caHash: z.string(),
    certificateKey: z.nullable(z.looseObject({ key: z.string(), expires: time })),
    cni: z.nullable(z.literal('flannel')),
    coreDNSVersion: z.optional(z.string()),
    csrs: z.optional(z.array(csrSchema)),
    namespaceMeta: z.optional(
      z.record(z.string(), z.looseObject({ createdAt: time, deletedAt: z.optional(time) })),
    ),
    customResources: z.optional(z.record(z.string(), z.looseObject({ name: z.string() }))),
    customResourceDefinitions: z.optional(
      z.record(z.string(), z.looseObject({ plural: z.string() })),
    ),
    apiObjects: z.optional(z.record(z.string(), z.looseObject({}))),
    objects: z.optional(storeSchema),
    kubernetesEndpoints: z.optional(endpointsSchema),
    etcdData: z.optional(
      z.looseObject({
        keys: z.record(
          z.string(),
          z.looseObject({
            value: z.string(),
            createRevision: z.int(),
            modRevision: z.int(),
            version: z.int(),
          }),
        ),
        compacted: z.optional(z.int()),
        leader: z.optional(z.string()),
      }),
    ),
  })
  .check(
    z.superRefine((cluster, ctx) => {
      if (cluster.objects === undefined && cluster.nodes === undefined)
        ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'the cluster has no nodes' });
      if (cluster.objects !== undefined) checkStoredObjects(cluster.objects, ctx);
    }),
  );
