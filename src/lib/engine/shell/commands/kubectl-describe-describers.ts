/**
 * Which describer prints which kind, as kubectl's describerMap does (keyed here by the store's
 * resource id), with the generic describer for every kind that has none of its own.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (Describer, describerMap,
 * DescriberFor, GenericDescriberFor).
 */
import type { ApiObject } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import type { DescribeSettings } from './kubectl-describe-events.ts';
import { genericText } from './kubectl-describe-generic.ts';
import { cronJobText, jobText } from './kubectl-describe-job.ts';
import { describeNodeText } from './kubectl-describe-node.ts';
import { podText } from './kubectl-describe-pod.ts';
import { bindingText, roleText } from './kubectl-describe-rbac.ts';
import { csrText } from './kubectl-describe-csr.ts';
import { endpointSliceText } from './kubectl-describe-endpointslice.ts';
import { pdbText, priorityClassText, storageClassText } from './kubectl-describe-policy.ts';
import {
  daemonSetText,
  deploymentText,
  replicaSetText,
  statefulSetText,
} from './kubectl-describe-workloads.ts';
import { serviceText } from './kubectl-describe-service.ts';
import { simpleText } from './kubectl-describe-simple.ts';
import { endpointsText } from './kubectl-endpoints.ts';

/** One describer: the text of `obj` under the settings, or the error kubectl reports instead. */
export type Describer = (
  inv: Invocation,
  obj: ApiObject,
  settings: DescribeSettings,
) => string | { readonly error: string };

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  pods: (inv, pod, settings) => podText(inv.ctx.state, pod, settings),
  nodes: (inv, node, settings) => describeNodeText(inv, node.metadata.name, settings),
  endpoints: (inv, ep, settings) => endpointsText(inv.ctx.state, ep, settings.showEvents),
  services: (inv, svc, settings) => serviceText(inv, svc, settings.showEvents),
  'clusterroles.rbac.authorization.k8s.io': (_inv, role) => roleText(role),
  'roles.rbac.authorization.k8s.io': (_inv, role) => roleText(role),
  'jobs.batch': (inv, job, settings) => jobText(inv.ctx.state, job, settings),
  'cronjobs.batch': (inv, cj, settings) => cronJobText(inv.ctx.state, cj, settings),
  'deployments.apps': (inv, d, settings) => deploymentText(inv.ctx.state, d, settings),
  'replicasets.apps': (inv, rs, settings) => replicaSetText(inv.ctx.state, rs, settings),
  'daemonsets.apps': (inv, ds, settings) => daemonSetText(inv.ctx.state, ds, settings),
  'statefulsets.apps': (inv, sts, settings) => statefulSetText(inv.ctx.state, sts, settings),
  'poddisruptionbudgets.policy': (inv, pdb, settings) => pdbText(inv.ctx.state, pdb, settings),
  'priorityclasses.scheduling.k8s.io': (inv, pc, settings) =>
    priorityClassText(inv.ctx.state, pc, settings),
  'storageclasses.storage.k8s.io': (inv, sc, settings) =>
    storageClassText(inv.ctx.state, sc, settings),
  'endpointslices.discovery.k8s.io': (inv, eps, settings) =>
    endpointSliceText(inv.ctx.state, eps, settings),
  'certificatesigningrequests.certificates.k8s.io': (inv, csr, settings) =>
    csrText(inv.ctx.state, csr, settings),
  'rolebindings.rbac.authorization.k8s.io': (_inv, b) => bindingText(b),
  'clusterrolebindings.rbac.authorization.k8s.io': (_inv, b) => bindingText(b),
};

/** The describer of a resource (by store id): its own, else the generic one. */
export function describerFor(resource: string): Describer {
  const own = Object.hasOwn(DESCRIBERS, resource) ? DESCRIBERS[resource] : undefined;
  if (own !== undefined) return own;
  return (inv, obj, settings) =>
    simpleText(inv.ctx.state, resource, obj, settings.showEvents) ??
    genericText(inv.ctx.state, obj, settings.showEvents);
}
