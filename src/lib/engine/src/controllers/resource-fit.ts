/**
 * The scheduler's NodeResourcesFit filter and the Pod QoS class, over the API objects: what a
 * Pod requests (its containers' requests summed, its init containers' maximum, limits standing
 * in for missing requests as the API server defaults them), what a node's bound Pods already
 * request, and which resources the node lacks for the Pod.
 *
 * upstream: pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest: "Too many pods",
 * "Insufficient cpu", "Insufficient memory", in that order), staging/src/k8s.io/component-helpers/
 * resource/helpers.go (PodRequests: max of the init containers, sidecars added, overhead added),
 * pkg/apis/core/v1/defaults.go (SetDefaults_Pod: requests default to limits),
 * pkg/apis/core/helper/qos/qos.go (ComputePodQOS).
 */
import type { Json } from '../store/types.ts';
import { milliValue, quantityValue } from '../objects/quantity.ts';
import { podResourceSums } from '../objects/pod-resources.ts';

type Obj = { readonly [k: string]: Json };

/** CPU in millicores and memory in bytes. */
export interface Resources {
  readonly milliCpu: number;
  readonly memory: number;
}

const ZERO: Resources = { milliCpu: 0, memory: 0 };

const add = (a: Resources, b: Resources): Resources => ({
  milliCpu: a.milliCpu + b.milliCpu,
  memory: a.memory + b.memory,
});

const containers = (spec: Obj, key: string): readonly Obj[] =>
  Array.isArray(spec[key]) ? (spec[key] as readonly Obj[]) : [];

const resourceList = (c: Obj, key: 'requests' | 'limits'): Obj =>
  (((c['resources'] ?? {}) as Obj)[key] ?? {}) as Obj;

/**
 * PodRequests (objects/pod-resources.ts): CPU in millicores, memory in whole bytes (rounded up,
 * as Quantity.Value is).
 */
export function podRequests(podSpec: Obj): Resources {
  const sums = podResourceSums(podSpec, 'requests');
  return {
    milliCpu: sums['cpu']?.milli ?? 0,
    memory: Math.ceil((sums['memory']?.milli ?? 0) / 1000),
  };
}

/** What a node offers: its allocatable CPU, memory and Pod count. */
export interface Allocatable extends Resources {
  readonly pods: number;
}

/** The node's status.allocatable as numbers. */
export function nodeAllocatable(node: Obj): Allocatable {
  const a = (((node['status'] ?? {}) as Obj)['allocatable'] ?? {}) as Obj;
  return {
    milliCpu: milliValue(a['cpu']),
    memory: quantityValue(a['memory']),
    pods: quantityValue(a['pods']),
  };
}

/** What the node's bound Pods use: their count and summed requests. */
export interface NodeUsage extends Resources {
  readonly pods: number;
}

/** Usage with one more Pod of `requests`. */
export function withPod(u: NodeUsage, requests: Resources): NodeUsage {
  return { ...add(u, requests), pods: u.pods + 1 };
}

/** The node's usage from its bound Pods' specs. */
export function usageOf(podSpecs: readonly Obj[]): NodeUsage {
  return podSpecs.reduce<NodeUsage>((u, s) => withPod(u, podRequests(s)), { ...ZERO, pods: 0 });
}

/**
 * fitsRequest: the reasons the node cannot take a Pod of `requests` ("Too many pods",
 * "Insufficient cpu", "Insufficient memory"); empty when it fits.
 */
export function insufficient(requests: Resources, free: Allocatable, used: NodeUsage): string[] {
  const reasons: string[] = [];
  if (used.pods + 1 > free.pods) reasons.push('Too many pods');
  if (requests.milliCpu > 0 && requests.milliCpu > free.milliCpu - used.milliCpu)
    reasons.push('Insufficient cpu');
  if (requests.memory > 0 && requests.memory > free.memory - used.memory)
    reasons.push('Insufficient memory');
  return reasons;
}

/**
 * ComputePodQOS over the defaulted Pod (a missing request equals its limit): BestEffort without
 * any positive CPU or memory request or limit; Guaranteed when every container limits both and
 * the summed requests equal the summed limits; else Burstable.
 */
export function podQosClass(podSpec: Obj): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const all = [...containers(podSpec, 'containers'), ...containers(podSpec, 'initContainers')];
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of all) {
    const req = resourceList(c, 'requests');
    const lim = resourceList(c, 'limits');
    const found = new Set<string>();
    for (const r of ['cpu', 'memory']) {
      const l = milliValue(lim[r]);
      const q = milliValue(req[r] ?? lim[r]);
      if (q > 0) requests.set(r, (requests.get(r) ?? 0) + q);
      if (l > 0) {
        found.add(r);
        limits.set(r, (limits.get(r) ?? 0) + l);
      }
    }
    if (found.size < 2) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed && [...requests].some(([r, q]) => limits.get(r) !== q)) guaranteed = false;
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
