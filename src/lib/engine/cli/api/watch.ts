/**
 * Watches (`?watch=true`): the connection stays open and carries one JSON event per line,
 * `{"type":"ADDED|MODIFIED|DELETED","object":…}` (the object as a one-row Table when the client
 * asked for Tables, as `kubectl get -w` does). A watch without a resourceVersion starts with an
 * ADDED event per object; with the current one (a list's) it starts from the current state; with
 * an older one it ends with a 410 Expired ERROR event (the server keeps no history). The simulated state only
 * changes through requests (and the shell), so the server compares each watch's selection with
 * what it last sent after every request.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/watch.go (WatchEvent),
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go.
 */
import type { ServerResponse } from 'node:http';
import type { ApiObject, ApiResourceType, ClusterState } from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import { resourcePath, selection } from '../../shell/api/read.ts';
import type { ApiRequest, ResourcePath } from '../../shell/api/status.ts';
import { tableOf } from '../../shell/api/table.ts';

interface Watcher {
  readonly req: ApiRequest;
  readonly path: ResourcePath;
  readonly res: ServerResponse;
  readonly seen: Map<string, string>;
}

const WATCHERS = new WeakMap<Session, Set<Watcher>>();

const keyOf = (o: ApiObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function send(
  w: Watcher,
  state: ClusterState,
  type: ApiResourceType,
  event: string,
  o: ApiObject,
): void {
  const object = /as=Table/.test(w.req.accept)
    ? tableOf(
        state,
        type,
        [o],
        w.req.query.get('includeObject') ?? 'PartialObjectMetadata',
        o.metadata.resourceVersion,
      )
    : o;
  w.res.write(`${JSON.stringify({ type: event, object })}\n`);
}

function current(
  state: ClusterState,
  w: Watcher,
): { type: ApiResourceType; objects: readonly ApiObject[] } | null {
  const s = selection(state, w.req, w.path);
  return 'objects' in s ? s : null;
}

/**
 * The Status of a watch from a resourceVersion older than what the watch cache holds: the
 * simulated server keeps the current state only, so every revision below the current one has
 * left its window. The cacher answers with an ERROR event, not an HTTP error
 * (staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go getAllEventsSinceLocked:
 * NewResourceExpired "too old resource version: %d (%d)", cacher.go Watch newErrWatcher); a
 * client such as client-go's reflector lists again on it.
 */
function tooOld(value: string | null, current: number): Record<string, unknown> | null {
  if (value === null || !/^[0-9]+$/.test(value)) return null;
  const rv = Number(value);
  if (rv === 0 || rv >= current) return null;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `too old resource version: ${rv} (${current})`,
    reason: 'Expired',
    code: 410,
  };
}

/** True when the request is a watch. */
export function isWatch(req: ApiRequest): boolean {
  const v = req.query.get('watch');
  return v === 'true' || v === '1';
}

/** Opens a watch on `res`; returns false when the path is not a watchable collection. */
export function openWatch(session: Session, req: ApiRequest, res: ServerResponse): boolean {
  const parts = req.path.split('/').filter((x) => x !== '');
  const path = parts[0] === 'api' || parts[0] === 'apis' ? resourcePath(parts) : null;
  if (path === null) return false;
  const w: Watcher = { req, path, res, seen: new Map() };
  const state = session.save().state;
  const s = current(state, w);
  if (s === null) return false;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // Headers now, even with no event to send yet: clients wait for them before they watch.
  res.flushHeaders();
  const fromNow =
    (req.query.get('resourceVersion') ?? '') !== '' && req.query.get('resourceVersion') !== '0';
  const expired = tooOld(req.query.get('resourceVersion'), state.cluster?.objects?.rv ?? 1);
  if (expired !== null) {
    res.write(`${JSON.stringify({ type: 'ERROR', object: expired })}\n`);
    res.end();
    return true;
  }
  for (const o of s.objects) {
    w.seen.set(keyOf(o), JSON.stringify(o));
    if (!fromNow) send(w, state, s.type, 'ADDED', o);
  }
  const set = WATCHERS.get(session) ?? new Set<Watcher>();
  WATCHERS.set(session, set);
  set.add(w);
  res.on('close', () => set.delete(w));
  return true;
}

/**
 * A deleted object as its DELETED event carries it: with the revision of the deletion, here the
 * current one (the etcd3 watcher decodes the previous value at the event's revision:
 * staging/src/k8s.io/apiserver/pkg/storage/etcd3/watcher.go prepareObjs).
 */
function deletedAt(o: ApiObject, state: ClusterState): ApiObject {
  const rv = String(state.cluster?.objects?.rv ?? o.metadata.resourceVersion);
  return { ...o, metadata: { ...o.metadata, resourceVersion: rv } };
}

/** Sends every open watch the changes since it last looked. */
export function notifyWatchers(session: Session): void {
  const set = WATCHERS.get(session);
  if (!set || set.size === 0) return;
  const state = session.save().state;
  for (const w of set) {
    const s = current(state, w);
    if (s === null) continue;
    const now = new Map(s.objects.map((o) => [keyOf(o), o]));
    for (const [k, o] of now) {
      const json = JSON.stringify(o);
      const before = w.seen.get(k);
      if (before === json) continue;
      const old = before === undefined ? undefined : (JSON.parse(before) as ApiObject);
      // Deleted and created again under the same name (a mirror Pod the kubelet recreates): a
      // watch sees the deletion, then the new object.
      const replaced = old !== undefined && old.metadata.uid !== o.metadata.uid;
      if (replaced) send(w, state, s.type, 'DELETED', deletedAt(old, state));
      send(w, state, s.type, old === undefined || replaced ? 'ADDED' : 'MODIFIED', o);
      w.seen.set(k, json);
    }
    for (const [k, json] of [...w.seen]) {
      if (now.has(k)) continue;
      send(w, state, s.type, 'DELETED', deletedAt(JSON.parse(json) as ApiObject, state));
      w.seen.delete(k);
    }
  }
}
