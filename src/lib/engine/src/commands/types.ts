/**
 * Typed commands: what the shell parses a line into and the core applies. Never strings.
 */

/** Hardware and OS of a new machine (used by scenarios). */
export interface MachineSpec {
  readonly name: string;
  readonly ip: string;
  readonly cpus: number;
  readonly memoryMiB: number;
}

/** Options of `kubeadm init` after flag parsing. */
export interface InitOptions {
  readonly kubernetesVersion?: string;
  readonly podNetworkCidr?: string;
  readonly serviceCidr?: string;
  readonly controlPlaneEndpoint?: string;
  readonly advertiseAddress?: string;
  readonly uploadCerts?: boolean;
  readonly skipPhases?: readonly string[];
  readonly ignorePreflightErrors?: readonly string[];
  readonly nodeName?: string;
  readonly tokenTtlMs?: number;
  /** `kubeadm init phase <path>`: run only this phase (and its children), e.g. "certs/ca". */
  readonly onlyPhase?: string;
  /** ClusterConfiguration `etcd.external` (only via --config): no local etcd is created. */
  readonly externalEtcd?: {
    readonly endpoints: readonly string[];
    readonly caFile: string;
    readonly certFile: string;
    readonly keyFile: string;
  };
}

/** Options of `kubeadm join` after flag parsing. */
export interface JoinOptions {
  readonly endpoint: string;
  readonly token?: string;
  readonly caCertHashes: readonly string[];
  readonly unsafeSkipCAVerification?: boolean;
  readonly controlPlane?: boolean;
  readonly certificateKey?: string;
  readonly advertiseAddress?: string;
  readonly ignorePreflightErrors?: readonly string[];
  readonly skipPhases?: readonly string[];
  readonly nodeName?: string;
}

/** A package request as written on the apt-get command line (`kubelet=1.36.4-1.1`). */
export interface PackageRequest {
  readonly name: string;
  readonly version?: string;
}

import type { ApiObject, NewObject } from '../store/types.ts';
import type { KubeconfigUserOptions } from '../kubeadm/kubeconfig-user.ts';
import type { UpgradeApplyOptions } from '../kubeadm/upgrade/apply.ts';
import type { UpgradeNodeOptions } from '../kubeadm/upgrade/node.ts';
import type { DrainOptions } from '../kubectl/drain.ts';
import type { CustomResource } from '../model/state.ts';
import type { SonobuoyMode } from '../conformance/sonobuoy.ts';
import type { ApiObjectManifest } from '../apiserver/objects.ts';
import type { OpensslOp } from '../pki/openssl-gen.ts';
import type { RestoreOptions } from '../etcd/ops.ts';

/** Every state-changing command the engine understands. */
export type Command =
  | { readonly type: 'machine.add'; readonly spec: MachineSpec }
  /** `kubelife machine add`: machines PREFIX-1 … PREFIX-COUNT (src/machine/add-machines.ts). */
  | {
      readonly type: 'machines.add';
      readonly count: number;
      readonly prefix: string;
      /** Release minor whose kubeadm, kubelet and kubectl get installed; absent = bare machines. */
      readonly packagesMinor?: string;
    }
  | { readonly type: 'apt.update'; readonly machine: string }
  | {
      readonly type: 'apt.install';
      readonly machine: string;
      readonly packages: readonly PackageRequest[];
      readonly allowChangeHeld?: boolean;
      /** `--allow-downgrades`: install a lower version than the installed one. */
      readonly allowDowngrades?: boolean;
    }
  | {
      readonly type: 'apt.mark';
      readonly machine: string;
      readonly packages: readonly string[];
      readonly hold: boolean;
    }
  | { readonly type: 'swap.off'; readonly machine: string }
  /** `modprobe MODULE`: loads a kernel module (machine/kernel-modules.ts). */
  | { readonly type: 'module.load'; readonly machine: string; readonly module: string }
  | {
      readonly type: 'sysctl.set';
      readonly machine: string;
      readonly key: string;
      readonly value: string;
    }
  | {
      readonly type: 'service';
      readonly machine: string;
      readonly unit: string;
      readonly action: 'start' | 'stop' | 'restart' | 'enable' | 'disable' | 'daemon-reload';
      readonly now?: boolean;
    }
  | {
      readonly type: 'file.mkdir';
      readonly machine: string;
      readonly path: string;
      readonly parents: boolean;
    }
  | {
      readonly type: 'file.write';
      readonly machine: string;
      readonly path: string;
      readonly content: string;
    }
  | {
      readonly type: 'file.copy';
      readonly machine: string;
      readonly from: string;
      readonly to: string;
      /** Destination machine when it is not `machine` (scp); paths are absolute. */
      readonly toMachine?: string;
    }
  | {
      readonly type: 'file.remove';
      readonly machine: string;
      readonly path: string;
      readonly recursive: boolean;
    }
  | { readonly type: 'kubeadm.init'; readonly machine: string; readonly options: InitOptions }
  | { readonly type: 'kubeadm.join'; readonly machine: string; readonly options: JoinOptions }
  | {
      readonly type: 'kubeadm.token.create';
      readonly machine: string;
      readonly ttlMs?: number;
      readonly printJoinCommand: boolean;
      readonly certificateKey?: string;
    }
  | {
      readonly type: 'kubeadm.token.delete';
      readonly machine: string;
      readonly ids: readonly string[];
    }
  | {
      readonly type: 'kubeadm.reset';
      readonly machine: string;
      /** `-f`/`--force`: no confirmation prompt (scenarios and guides reset with -f). Default true. */
      readonly force?: boolean;
      /** What the user answered the `[y/N]` prompt (first line of stdin); none = no input. */
      readonly answer?: string;
    }
  | { readonly type: 'kubectl.apply.flannel' }
  | { readonly type: 'clock.advance'; readonly ms: number }
  // kubectl objects, teardown, conformance (src/kubectl/objects.ts, src/teardown, src/conformance)
  | { readonly type: 'kubectl.namespace.create'; readonly name: string }
  | { readonly type: 'kubectl.namespace.delete'; readonly name: string }
  | { readonly type: 'kubectl.node.delete'; readonly name: string }
  | { readonly type: 'kubectl.cr.create'; readonly resource: Omit<CustomResource, 'createdAt'> }
  | { readonly type: 'kubectl.cr.delete'; readonly key: string }
  | {
      readonly type: 'kubectl.cr.finalizers';
      readonly key: string;
      readonly finalizers: readonly string[];
    }
  | { readonly type: 'netfilter.flush'; readonly machine: string }
  | { readonly type: 'sonobuoy.run'; readonly mode: SonobuoyMode }
  | { readonly type: 'sonobuoy.delete' }
  // HA / etcd / faults (src/etcd, src/ha)
  | {
      readonly type: 'fault.inject';
      readonly kind: 'machine-down' | 'etcd-member-lost' | 'disk-full' | 'kubelet-stopped';
      readonly machine: string;
    }
  | { readonly type: 'fault.clear'; readonly machine?: string }
  | {
      readonly type: 'etcd.member.add';
      readonly name: string;
      readonly peerURL: string;
      readonly learner: boolean;
    }
  | { readonly type: 'etcd.member.remove'; readonly id: string }
  | { readonly type: 'etcd.snapshot.save'; readonly machine: string; readonly path: string }
  | ({ readonly type: 'etcd.snapshot.restore'; readonly machine: string } & RestoreOptions)
  // What etcdctl does to etcd itself (src/etcd/apply-etcdctl.ts).
  | { readonly type: 'etcd.kv.put'; readonly key: string; readonly value: string }
  | {
      readonly type: 'etcd.kv.delete';
      readonly keys: readonly string[];
      readonly objects: readonly {
        readonly resource: string;
        readonly namespace: string | null;
        readonly name: string;
      }[];
    }
  | { readonly type: 'etcd.compaction'; readonly revision: number }
  | { readonly type: 'etcd.move-leader'; readonly id: string }
  | { readonly type: 'etcd.member.promote'; readonly id: string }
  | { readonly type: 'etcd.member.update'; readonly id: string; readonly peerURL: string }
  // External etcd (src/etcd/external.ts): an etcd cluster on its own hosts, set up per
  // setup-ha-etcd-with-kubeadm.md, with the apiserver client files copied to `clientMachine`.
  | {
      readonly type: 'etcd.external.bootstrap';
      readonly machines: readonly string[];
      readonly clientMachine: string;
    }
  // openssl genrsa / req / x509 -req (src/pki/openssl-gen.ts)
  | { readonly type: 'pki.openssl'; readonly machine: string; readonly op: OpensslOp }
  // kubeadm kubeconfig user (src/kubeadm/kubeconfig-user.ts)
  | {
      readonly type: 'kubeadm.kubeconfig.user';
      readonly machine: string;
      readonly options: KubeconfigUserOptions;
    }
  // PKI lifecycle (kubeadm/certs/*)
  | {
      readonly type: 'kubeadm.certs.renew';
      readonly machine: string;
      readonly name: string;
      readonly header: readonly string[];
    }
  | {
      readonly type: 'kubectl.certificate';
      readonly names: readonly string[];
      readonly approve: boolean;
    }
  | {
      readonly type: 'pki.stage';
      readonly machine: string;
      readonly mode: 'own-ca' | 'external-ca';
    }
  // Upgrades and distribution (src/kubeadm/upgrade, src/kubectl/drain.ts)
  | {
      readonly type: 'kubeadm.upgrade.apply';
      readonly machine: string;
      readonly options: UpgradeApplyOptions;
    }
  | {
      readonly type: 'kubeadm.upgrade.node';
      readonly machine: string;
      readonly options: UpgradeNodeOptions;
    }
  | { readonly type: 'kubectl.cordon'; readonly node: string; readonly cordon: boolean }
  | {
      readonly type: 'kubectl.drain';
      readonly node: string;
      readonly options: DrainOptions;
      /** Further nodes of `kubectl drain A B …`, drained after `node`. */
      readonly also?: readonly string[];
    }
  /** One eviction (the pods/eviction subresource, src/workloads/pod-eviction.ts). */
  | {
      readonly type: 'pod.evict';
      readonly namespace: string;
      readonly name: string;
      readonly dryRun?: boolean;
      /** The Eviction's deleteOptions.gracePeriodSeconds. */
      readonly gracePeriodSeconds?: number;
    }
  // API objects with a storage version (src/apiserver)
  | { readonly type: 'kubectl.apiobject.apply'; readonly manifest: ApiObjectManifest }
  // A served object after a client's change (label, annotate, taint, patch): store/update.ts
  | {
      readonly type: 'kubectl.object.update';
      readonly resource: string;
      readonly object: ApiObject;
    }
  // A new object from a client (kubectl create …, POST): kubectl/object-create.ts
  | {
      readonly type: 'kubectl.object.create';
      readonly resource: string;
      readonly object: NewObject;
    }
  // kubectl delete of a stored object (kubectl/object-create.ts applyObjectDelete)
  | {
      readonly type: 'kubectl.object.delete';
      readonly resource: string;
      readonly namespace: string | null;
      readonly name: string;
      /** DeleteOptions.gracePeriodSeconds (absent or negative: the object's own). */
      readonly gracePeriodSeconds?: number;
    }
  // kubectl delete --wait: until the deleted Pods are gone (kubectl/pod-wait.ts)
  | {
      readonly type: 'kubectl.delete.wait';
      /** `namespace/name` of each Pod deleted. */
      readonly pods: readonly string[];
      /** --timeout in milliseconds; 0: kubectl's default of a week. */
      readonly timeoutMs: number;
    };

/** The discriminants of {@link Command}. */
export type CommandType = Command['type'];
