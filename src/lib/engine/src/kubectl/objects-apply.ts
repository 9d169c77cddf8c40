/**
 * Dispatch for the kubectl-object, teardown and conformance commands (one entry for apply.ts).
 */
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import { type Transition, ok } from '../commands/result.ts';
import { getMachine } from '../state/create.ts';
import {
  applyCreateCustomResource,
  applyCreateNamespace,
  applyDeleteCustomResource,
  applyDeleteNamespace,
  applyDeleteNode,
  applySetFinalizers,
} from './objects.ts';
import { applySonobuoyDelete, applySonobuoyRun } from '../conformance/sonobuoy.ts';
import { setKeyed } from '../model/keyed-map.ts';

/** Applies one of this area's commands. */
export function applyObjectsCommand(state: ClusterState, c: Command): Transition {
  switch (c.type) {
    case 'kubectl.namespace.create':
      return applyCreateNamespace(state, c.name);
    case 'kubectl.namespace.delete':
      return applyDeleteNamespace(state, c.name);
    case 'kubectl.node.delete':
      return applyDeleteNode(state, c.name);
    case 'kubectl.cr.create':
      return applyCreateCustomResource(state, c.resource);
    case 'kubectl.cr.delete':
      return applyDeleteCustomResource(state, c.key);
    case 'kubectl.cr.finalizers':
      return applySetFinalizers(state, c.key, c.finalizers);
    case 'netfilter.flush': {
      const m = getMachine(state, c.machine);
      const { staleKubeRules: _gone, ...rest } = m;
      return ok({ ...state, machines: setKeyed(state.machines, c.machine, rest) });
    }
    case 'sonobuoy.run':
      return applySonobuoyRun(state, c.mode);
    case 'sonobuoy.delete':
      return applySonobuoyDelete(state);
    default:
      return ok(state);
  }
}
