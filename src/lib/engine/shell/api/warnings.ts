/**
 * The Warning headers kube-apiserver attaches to reads of deprecated APIs, which kubectl prints
 * on stderr as `Warning: TEXT`. The text is the deprecation filter's
 * (staging/src/k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go: `GROUP/VERSION KIND is
 * deprecated in vX.Y+`, then `; use REPLACEMENT`), from the types' prerelease-lifecycle tags
 * (staging/src/k8s.io/api/core/v1/types.go: ComponentStatus deprecated=1.19, Endpoints
 * deprecated=1.33 replaced by discovery.k8s.io/v1 EndpointSlice).
 */
import type { ClusterState } from '../../src/index.ts';
import { apiMinor } from './discovery.ts';

const DEPRECATED: readonly { group: string; plural: string; since: number; text: string }[] = [
  {
    group: '',
    plural: 'componentstatuses',
    since: 19,
    text: 'v1 ComponentStatus is deprecated in v1.19+',
  },
  {
    group: '',
    plural: 'endpoints',
    since: 33,
    text: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  },
];

/** The warnings a read of GROUP/PLURAL carries on the cluster's apiserver. */
export function readWarnings(state: ClusterState, group: string, plural: string): string[] {
  const minor = apiMinor(state);
  return DEPRECATED.filter((d) => d.group === group && d.plural === plural && minor >= d.since).map(
    (d) => d.text,
  );
}
