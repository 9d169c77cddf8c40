/**
 * The single entry point for state changes: `apply(state, command, ctx)`. Pure: it never mutates
 * `state`, and never throws (errors come back as a rejected transition).
 */
import type { ClusterState } from '../model/state.ts';
import type { Command } from './types.ts';
import { type Context, type Transition, ok, fail } from './result.ts';
import { EngineError, isEngineError } from '../errors.ts';
import { createMachine } from '../machine/create.ts';
import { applyAptInstall, applyAptMark, applyAptUpdate } from '../machine/apt.ts';
import {
  applyCopy,
  applyMkdir,
  applyRemove,
  applyService,
  applySwapOff,
  applySysctl,
  applyWriteFile,
} from '../machine/system.ts';
import { applyKubeadmInit } from '../kubeadm/init.ts';
import { applyKubeadmJoin } from '../kubeadm/join.ts';
import { applyTokenCreate, applyTokenDelete } from '../kubeadm/token.ts';
import { applyKubeadmReset } from '../kubeadm/reset.ts';
import { applyFlannel } from '../kubectl/flannel.ts';
import { applyObjectsCommand } from '../kubectl/objects-apply.ts';
import { advanceClock, afterCommand, applyHaCommand } from '../ha/apply-ha.ts';
import { applyEtcdctl } from '../etcd/apply-etcdctl.ts';
import { applyUpgradeApply } from '../kubeadm/upgrade/apply.ts';
import { applyUpgradeNode } from '../kubeadm/upgrade/node.ts';
import { applyCordon, applyDrain } from '../kubectl/drain.ts';
import { applyCertsRenew } from '../kubeadm/certs/renewal.ts';
import { applyCsrDecision } from '../kubeadm/certs/csr.ts';
import { finishApprovedBootstraps } from '../kubeadm/certs/approved-bootstrap.ts';
import { applyPkiStage } from '../kubeadm/certs/stage.ts';
import { applyExternalEtcdBootstrap } from '../etcd/external.ts';
import { applyOpenssl } from '../pki/openssl-gen.ts';
import { applyKubeconfigUser } from '../kubeadm/kubeconfig-user.ts';
import { applyApiObject } from '../apiserver/objects.ts';
import { applyAddMachines } from '../machine/add-machines.ts';
import { setKeyed } from '../model/keyed-map.ts';
import { applyModprobe } from '../machine/kernel-modules.ts';
import { applyObjectUpdate } from '../kubectl/object-update.ts';
import { applyObjectCreate, applyObjectDelete } from '../kubectl/object-create.ts';
import { runControllers } from '../controllers/run-controllers.ts';
import { evictPod } from '../workloads/pod-eviction.ts';
import { applyDeleteWait } from '../kubectl/pod-wait.ts';

function dispatch(state: ClusterState, c: Command): Transition {
  switch (c.type) {
    case 'machine.add':
      return ok({
        ...state,
        machines: setKeyed(state.machines, c.spec.name, createMachine(c.spec, state.now)),
      });
    case 'machines.add':
      return applyAddMachines(state, c, dispatch);
    case 'apt.update':
      return applyAptUpdate(state, c.machine);
    case 'apt.install':
      return applyAptInstall(
        state,
        c.machine,
        c.packages,
        c.allowChangeHeld ?? false,
        c.allowDowngrades ?? false,
      );
    case 'apt.mark':
      return applyAptMark(state, c.machine, c.packages, c.hold);
    case 'swap.off':
      return applySwapOff(state, c.machine);
    case 'sysctl.set':
      return applySysctl(state, c.machine, c.key, c.value);
    case 'module.load':
      return applyModprobe(state, c.machine, c.module);
    case 'service':
      return applyService(state, c.machine, c.unit, c.action, c.now ?? false);
    case 'file.mkdir':
      return applyMkdir(state, c.machine, c.path, c.parents);
    case 'file.write':
      return applyWriteFile(state, c.machine, c.path, c.content);
    case 'file.copy':
      return applyCopy(state, c.machine, c.from, c.to, c.toMachine);
    case 'file.remove':
      return applyRemove(state, c.machine, c.path, c.recursive);
    case 'kubeadm.init':
      return applyKubeadmInit(state, c.machine, c.options);
    case 'kubeadm.join':
      return applyKubeadmJoin(state, c.machine, c.options);
    case 'kubeadm.token.create':
      return applyTokenCreate(state, c.machine, c.ttlMs, c.printJoinCommand, c.certificateKey);
    case 'kubeadm.token.delete':
      return applyTokenDelete(state, c.ids);
    case 'kubeadm.reset':
      return applyKubeadmReset(state, c.machine, { force: c.force ?? true, answer: c.answer });
    case 'kubectl.apply.flannel':
      return applyFlannel(state);
    case 'clock.advance':
      return ok(advanceClock(state, c.ms));
    case 'kubectl.namespace.create':
    case 'kubectl.namespace.delete':
    case 'kubectl.node.delete':
    case 'kubectl.cr.create':
    case 'kubectl.cr.delete':
    case 'kubectl.cr.finalizers':
    case 'netfilter.flush':
    case 'sonobuoy.run':
    case 'sonobuoy.delete':
      return applyObjectsCommand(state, c);
    case 'fault.inject':
    case 'fault.clear':
    case 'etcd.member.add':
    case 'etcd.member.remove':
    case 'etcd.snapshot.save':
    case 'etcd.snapshot.restore':
      return applyHaCommand(state, c);
    case 'etcd.kv.put':
    case 'etcd.kv.delete':
    case 'etcd.compaction':
    case 'etcd.move-leader':
    case 'etcd.member.promote':
    case 'etcd.member.update':
      return applyEtcdctl(state, c);
    case 'kubeadm.certs.renew':
      return applyCertsRenew(state, c.machine, c.name, c.header);
    case 'kubectl.certificate':
      return ok(finishApprovedBootstraps(applyCsrDecision(state, c.names, c.approve), c.names));
    case 'pki.stage':
      return applyPkiStage(state, c.machine, c.mode);
    case 'pki.openssl':
      return applyOpenssl(state, c.machine, c.op);
    case 'kubeadm.kubeconfig.user':
      return applyKubeconfigUser(state, c.machine, c.options);
    case 'etcd.external.bootstrap':
      return applyExternalEtcdBootstrap(state, c.machines, c.clientMachine);
    case 'kubeadm.upgrade.apply':
      return applyUpgradeApply(state, c.machine, c.options);
    case 'kubeadm.upgrade.node':
      return applyUpgradeNode(state, c.machine, c.options);
    case 'kubectl.cordon':
      return applyCordon(state, c.node, c.cordon);
    case 'pod.evict':
      return ok(evictPod(state, c).state);
    case 'kubectl.drain':
      return applyDrain(state, c.node, c.options, c.also);
    case 'kubectl.apiobject.apply':
      return applyApiObject(state, c.manifest);
    case 'kubectl.object.update':
      return applyObjectUpdate(state, c.resource, c.object);
    case 'kubectl.object.create':
      return applyObjectCreate(state, c.resource, c.object);
    case 'kubectl.object.delete':
      return applyObjectDelete(state, c.resource, c.namespace, c.name, c.gracePeriodSeconds);
    case 'kubectl.delete.wait':
      return applyDeleteWait(state, c.pods, c.timeoutMs);
  }
}

/** The machine a command runs on, when it names one. */
function commandMachine(command: Command): string | undefined {
  const m = (command as { readonly machine?: unknown }).machine;
  return typeof m === 'string' ? m : undefined;
}

/**
 * Applies a typed command to a state. `ctx.now` overrides the state's clock (for callers that
 * keep time elsewhere); by default the state's own simulated clock is used.
 */
export function apply(state: ClusterState, command: Command, ctx: Context = {}): Transition {
  const base = ctx.now !== undefined && ctx.now !== state.now ? { ...state, now: ctx.now } : state;
  try {
    const t = afterCommand(command, dispatch(base, command));
    if (!t.ok) return t;
    // Every controller catches up with the change (controllers/run-controllers.ts).
    const next = runControllers(base, t.state, commandMachine(command));
    return next === t.state ? t : ok(next, t.events);
  } catch (error) {
    return fail(
      isEngineError(error) ? error : new EngineError('Internal', { message: String(error) }),
    );
  }
}
