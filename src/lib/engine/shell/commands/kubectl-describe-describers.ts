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
import { roleText } from './kubectl-describe-rbac.ts';
import { serviceText } from './kubectl-describe-service.ts';
import { simpleText } from './kubectl-describe-simple.ts';
import { endpointsText } from './kubectl-endpoints.ts';

/** One describer: the text of `obj` under the settings. */
export type Describer = (inv: Invocation, obj: ApiObject, settings: DescribeSettings) => string;

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  pods: (inv, pod, settings) => podText(inv.ctx.state, pod, settings),
  nodes: (inv, node) => describeNodeText(inv, node.metadata.name),
  endpoints: (inv, ep, settings) => endpointsText(inv.ctx.state, ep, settings.showEvents),
  services: (inv, svc, settings) => serviceText(inv, svc, settings.showEvents),
  'clusterroles.rbac.authorization.k8s.io': (_inv, role) => roleText(role),
  'roles.rbac.authorization.k8s.io': (_inv, role) => roleText(role),
  'jobs.batch': (inv, job, settings) => jobText(inv.ctx.state, job, settings),
  'cronjobs.batch': (inv, cj, settings) => cronJobText(inv.ctx.state, cj, settings),
};

/** The describer of a resource (by store id): its own, else the generic one. */
export function describerFor(resource: string): Describer {
  const own = Object.hasOwn(DESCRIBERS, resource) ? DESCRIBERS[resource] : undefined;
  if (own !== undefined) return own;
  return (inv, obj, settings) =>
    simpleText(inv.ctx.state, resource, obj, settings.showEvents) ??
    genericText(inv.ctx.state, obj, settings.showEvents);
}
