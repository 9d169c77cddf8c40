/**
 * `kubectl rollout status|restart|history|undo|pause|resume TYPE/NAME|TYPE NAME` for
 * Deployments (pause and resume: kubectl-rollout-pause.ts; status
 * also for DaemonSets and StatefulSets): status reads the Deployment's status the way the rollout status viewer
 * does; restart stamps `kubectl.kubernetes.io/restartedAt` on the pod template (a new
 * ReplicaSet follows); history lists the revisions of the Deployment's ReplicaSets; undo puts
 * the previous revision's template back.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go
 * (DeploymentStatusViewer.Status messages), objectrestarter.go (restartedAt), history.go
 * (DeploymentHistoryViewer: "REVISION  CHANGE-CAUSE"), rollback.go ("skipped rollback (current
 * template already matches revision %d)", "unable to find specified revision %v in history",
 * "no rollout history found for deployment %q"), staging/src/k8s.io/kubectl/pkg/cmd/rollout/.
 */
import { formatRfc3339, type ApiObject, type ApiResourceType } from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { listTyped, resolveType } from '../../src/index.ts';
import type { Connect } from './kubectl-node.ts';
import { pauseOrResume } from './kubectl-rollout-pause.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import {
  WRITE_FLAGS,
  dryRunOf,
  printWritten,
  reportErrors,
  writeOutputOf,
} from './kubectl-write-common.ts';

type Obj = Record<string, unknown>;

const FLAGS: FlagSpec[] = [
  ...WRITE_FLAGS,
  {
    name: 'watch',
    short: 'w',
    type: 'string',
    usage: "Watch the status of the rollout until it's done.",
  },
  {
    name: 'timeout',
    type: 'string',
    usage: 'The length of time to wait before ending watch, zero means never.',
  },
  { name: 'revision', type: 'string', usage: 'Pin to a specific revision.' },
  {
    name: 'to-revision',
    type: 'string',
    usage: 'The revision to rollback to. Default to 0 (last revision).',
  },
  { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
];

const SUBS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

function targets(
  inv: Invocation,
  p: ParsedFlags,
  args: readonly string[],
): Array<{ type: ApiResourceType; object: ApiObject }> | { error: string } {
  if (args.length === 0)
    return {
      error:
        "error: required resource not specified\nSee 'kubectl rollout -h' for help and examples",
    };
  const t = typeArgs(args);
  if (!t.ok) return { error: t.message };
  const out: Array<{ type: ApiResourceType; object: ApiObject }> = [];
  const namespace = str(p, 'namespace') ?? 'default';
  for (const req of t.requests) {
    const r = resolveArg(inv.ctx.state, req.arg);
    if (!r.ok) return { error: r.message };
    for (const type of r.types) {
      const s = selectObjects(inv.ctx.state, type, req.names, { namespace });
      if ('error' in s) return { error: s.error };
      if (s.missing[0] !== undefined)
        return { error: `Error from server (NotFound): ${type.id} "${s.missing[0]}" not found` };
      for (const object of s.objects) out.push({ type, object });
    }
  }
  return out;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** DeploymentStatusViewer.Status: the message and whether the rollout is done. */
function deploymentStatus(d: ApiObject): { text: string; done: boolean } {
  const spec = (d['spec'] ?? {}) as Obj;
  const st = (d['status'] ?? {}) as Obj;
  const name = d.metadata.name;
  const want = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
  if (num(st['updatedReplicas']) < want)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${num(st['updatedReplicas'])} out of ${want} new replicas have been updated...`,
      done: false,
    };
  if (num(st['replicas']) > num(st['updatedReplicas']))
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${num(st['replicas']) - num(st['updatedReplicas'])} old replicas are pending termination...`,
      done: false,
    };
  if (num(st['availableReplicas']) < num(st['updatedReplicas']))
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${num(st['availableReplicas'])} of ${num(st['updatedReplicas'])} updated replicas are available...`,
      done: false,
    };
  return { text: `deployment "${name}" successfully rolled out`, done: true };
}

/** DaemonSetStatusViewer.Status. */
function daemonSetStatus(d: ApiObject): { text: string; done: boolean } {
  const st = (d['status'] ?? {}) as Obj;
  const name = d.metadata.name;
  if (num(st['updatedNumberScheduled']) < num(st['desiredNumberScheduled']))
    return {
      text: `Waiting for daemon set "${name}" rollout to finish: ${num(st['updatedNumberScheduled'])} out of ${num(st['desiredNumberScheduled'])} new pods have been updated...`,
      done: false,
    };
  if (num(st['numberAvailable']) < num(st['desiredNumberScheduled']))
    return {
      text: `Waiting for daemon set "${name}" rollout to finish: ${num(st['numberAvailable'])} of ${num(st['desiredNumberScheduled'])} updated pods are available...`,
      done: false,
    };
  return { text: `daemon set "${name}" successfully rolled out`, done: true };
}

/**
 * StatefulSetStatusViewer.Status: only the RollingUpdate strategy has a status; a partition
 * (the API server defaults it to 0) reports the partitioned roll out.
 */
function statefulSetStatus(d: ApiObject): { text: string; done: boolean } | { error: string } {
  const spec = (d['spec'] ?? {}) as Obj;
  const st = (d['status'] ?? {}) as Obj;
  const strategy = (spec['updateStrategy'] ?? {}) as Obj;
  if (strategy['type'] !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const observed = num(st['observedGeneration']);
  if (observed === 0 || (d.metadata.generation ?? 0) > observed)
    return { text: 'Waiting for statefulset spec update to be observed...', done: false };
  const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
  if (num(st['readyReplicas']) < replicas)
    return {
      text: `Waiting for ${replicas - num(st['readyReplicas'])} pods to be ready...`,
      done: false,
    };
  const rolling = strategy['rollingUpdate'] as Obj | undefined;
  if (rolling !== undefined) {
    const partition = rolling['partition'];
    if (typeof partition === 'number' && num(st['updatedReplicas']) < replicas - partition)
      return {
        text: `Waiting for partitioned roll out to finish: ${num(st['updatedReplicas'])} out of ${replicas - partition} new pods have been updated...`,
        done: false,
      };
    return {
      text: `partitioned roll out complete: ${num(st['updatedReplicas'])} new pods have been updated...`,
      done: true,
    };
  }
  if (st['updateRevision'] !== st['currentRevision'])
    return {
      text: `waiting for statefulset rolling update to complete ${num(st['updatedReplicas'])} pods at revision ${String(st['updateRevision'])}...`,
      done: false,
    };
  return {
    text: `statefulset rolling update complete ${num(st['currentReplicas'])} pods at revision ${String(st['currentRevision'])}...`,
    done: true,
  };
}

function status(inv: Invocation, p: ParsedFlags, args: readonly string[]): number {
  const found = targets(inv, p, args);
  if ('error' in found) return reportErrors(inv, [found.error]);
  for (const { type, object } of found) {
    const s =
      type.id === 'deployments.apps'
        ? deploymentStatus(object)
        : type.id === 'daemonsets.apps'
          ? daemonSetStatus(object)
          : type.id === 'statefulsets.apps'
            ? statefulSetStatus(object)
            : null;
    if (!s) return reportErrors(inv, [`no status viewer has been implemented for ${object.kind}`]);
    if ('error' in s) return reportErrors(inv, [s.error]);
    inv.io.out(s.text);
    if (!s.done) {
      // Nothing changes in the simulated cluster while kubectl waits: say so instead of hanging.
      const timeout = str(p, 'timeout');
      if (timeout !== undefined && timeout !== '0s' && timeout !== '0')
        return reportErrors(inv, ['timed out waiting for the condition']);
      inv.io.err(
        'kubelife: the rollout cannot progress until the cluster changes (kubectl would keep waiting here)',
      );
      return 1;
    }
  }
  return 0;
}

function ownedSets(inv: Invocation, d: ApiObject): ApiObject[] {
  const rs = resolveType(inv.ctx.state, 'replicasets.apps');
  if (!rs) return [];
  return listTyped(inv.ctx.state, rs, d.metadata.namespace ?? 'default').filter(
    (o) => o.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid) === true,
  );
}

const revisionOf = (o: ApiObject): number =>
  Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);

function history(inv: Invocation, p: ParsedFlags, args: readonly string[]): number {
  const found = targets(inv, p, args);
  if ('error' in found) return reportErrors(inv, [found.error]);
  for (const { type, object } of found) {
    const sets = ownedSets(inv, object).sort((a, b) => revisionOf(a) - revisionOf(b));
    const rows = sets.map((rs) => [
      String(revisionOf(rs)),
      rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>',
    ]);
    // history.go prints through a tabwriter with padding 2 (the table printers use 3).
    const width = Math.max(8, ...rows.map((r) => (r[0] ?? '').length)) + 2;
    const table = [['REVISION', 'CHANGE-CAUSE'], ...rows].map(
      (r) => `${(r[0] ?? '').padEnd(width)}${r[1] ?? ''}`,
    );
    inv.io.out(`${type.namePrefix}/${object.metadata.name} \n${table.join('\n')}\n`);
  }
  return 0;
}

function restart(inv: Invocation, p: ParsedFlags, args: readonly string[]): number {
  const found = targets(inv, p, args);
  if ('error' in found) return reportErrors(inv, [found.error]);
  const dryRun = dryRunOf(p);
  if (typeof dryRun === 'object') return reportErrors(inv, [dryRun.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  let i = 0;
  for (const { type, object } of found) {
    const spec = (object['spec'] ?? {}) as Obj;
    // objectrestarter.go: a paused Deployment is refused (rollout_restart.go `error: %s %q %v`).
    if (spec['paused'] === true)
      return reportErrors(inv, [
        `error: ${type.plural}.${type.group} "${object.metadata.name}" can't restart paused deployment (run rollout resume first)`,
      ]);
    const template = (spec['template'] ?? {}) as Obj;
    const meta = (template['metadata'] ?? {}) as Obj;
    const after = {
      ...object,
      spec: {
        ...spec,
        template: {
          ...template,
          metadata: {
            ...meta,
            annotations: {
              ...((meta['annotations'] ?? {}) as Obj),
              'kubectl.kubernetes.io/restartedAt': formatRfc3339(inv.ctx.state.now),
            },
          },
        },
      },
    } as unknown as ApiObject;
    if (dryRun === 'none') {
      const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
      if (!t.ok) return reportErrors(inv, [t.error.message]);
    }
    printWritten(inv, out, type, after, 'restarted', dryRun, i++);
  }
  return 0;
}

function undo(inv: Invocation, p: ParsedFlags, args: readonly string[]): number {
  const found = targets(inv, p, args);
  if ('error' in found) return reportErrors(inv, [found.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  const to = Number(str(p, 'to-revision') ?? 0);
  let i = 0;
  for (const { type, object } of found) {
    const sets = ownedSets(inv, object).sort((a, b) => revisionOf(b) - revisionOf(a));
    if (sets.length === 0)
      return reportErrors(inv, [
        `no rollout history found for deployment "${object.metadata.name}"`,
      ]);
    const target = to === 0 ? sets[1] : sets.find((rs) => revisionOf(rs) === to);
    if (!target)
      return reportErrors(inv, [
        to === 0
          ? `no rollout history found for deployment "${object.metadata.name}"`
          : `unable to find specified revision ${to} in history`,
      ]);
    // rollback.go DeploymentRollbacker.Rollback refuses a paused Deployment once the revision
    // is found.
    if (((object['spec'] ?? {}) as Obj)['paused'] === true)
      return reportErrors(inv, [
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      ]);
    const template = ((target['spec'] ?? {}) as Obj)['template'] as Obj;
    const meta = (template['metadata'] ?? {}) as Obj;
    const { 'pod-template-hash': _hash, ...labels } = (meta['labels'] ?? {}) as Record<
      string,
      string
    >;
    const spec = (object['spec'] ?? {}) as Obj;
    const restored = { ...template, metadata: { ...meta, labels } };
    if (JSON.stringify(restored) === JSON.stringify(spec['template'])) {
      inv.io.out(
        `${type.namePrefix}/${object.metadata.name} skipped rollback (current template already matches revision ${revisionOf(target)})`,
      );
      continue;
    }
    const after = { ...object, spec: { ...spec, template: restored } } as unknown as ApiObject;
    const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
    if (!t.ok) return reportErrors(inv, [t.error.message]);
    printWritten(inv, out, type, after, 'rolled back', 'none', i++);
  }
  return 0;
}

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const [sub, ...args] = p.positionals;
  if (sub === undefined || !SUBS.includes(sub)) {
    inv.io.err(
      sub === undefined
        ? "error: Required resource not specified.\nSee 'kubectl rollout -h' for help and examples"
        : `error: unknown command "${sub}" for "kubectl rollout"`,
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  if (sub === 'pause' || sub === 'resume')
    return pauseOrResume(inv, p, args, sub === 'pause', targets);
  if (sub === 'status') return status(inv, p, args);
  if (sub === 'history') return history(inv, p, args);
  if (sub === 'restart') return restart(inv, p, args);
  return undo(inv, p, args);
}

/** The `kubectl rollout` verb. */
export function rolloutVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Manage the rollout of a resource',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
