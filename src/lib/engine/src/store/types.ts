/**
 * The shape of every object in the API object store: the same JSON `kubectl get -o json` shows
 * (k8s.io/apimachinery/pkg/apis/meta/v1 ObjectMeta, OwnerReference). Plain data, so a store
 * serialises with the rest of the state.
 */

/** A JSON value (what an object's spec, status, data … hold). */
export type Json =
  string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

/** metav1.OwnerReference. */
export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

/** metav1.ObjectMeta, the fields the simulator keeps (all set by the store or the writer). */
export interface ObjectMeta {
  readonly name: string;
  /** The prefix the name was generated from (Pods of a ReplicaSet). */
  readonly generateName?: string;
  /** Absent for cluster-scoped objects. */
  readonly namespace?: string;
  readonly uid: string;
  /** The store's global resourceVersion at the object's last write, as a decimal string. */
  readonly resourceVersion: string;
  /** Bumped on spec changes of resources that have one (Deployments, DaemonSets, …). */
  readonly generation?: number;
  /** RFC 3339, seconds precision. */
  readonly creationTimestamp: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly ownerReferences?: readonly OwnerReference[];
  readonly finalizers?: readonly string[];
  readonly deletionTimestamp?: string;
  /** Seconds the object has to go after a graceful delete (Pods: the grace period). */
  readonly deletionGracePeriodSeconds?: number;
}

/** An API object: apiVersion, kind, metadata, and the kind's own top-level fields (spec, status, data …). */
export interface ApiObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly [field: string]: Json | ObjectMeta | undefined;
}

/** What a writer hands the store: metadata without the fields the API server sets. */
export interface NewObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: Omit<ObjectMeta, 'uid' | 'resourceVersion' | 'creationTimestamp'> & {
    readonly creationTimestamp?: string;
  };
  readonly [field: string]: Json | NewObject['metadata'] | undefined;
}
