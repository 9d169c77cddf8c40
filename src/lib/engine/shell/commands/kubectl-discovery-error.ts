/**
 * What kubectl prints when API discovery fails before any request of the verb: client-go's
 * memory-cached discovery client logs the failure once per attempt through klog (five attempts
 * for `kubectl get`), then kubectl prints its own error line. Measured with kubectl v1.27 to
 * v1.33 against `kubelife serve --api` answering 401 (the parity suite), and seen in v1.34+
 * reports (`memcache.go:381] "Couldn't get current server API group list" err=…`).
 *
 * upstream: staging/src/k8s.io/client-go/discovery/cached/memory/memcache.go refreshLocked
 * (v1.31–v1.33: `utilruntime.HandleError(fmt.Errorf("couldn't get current server API group
 * list: %w", err))`, logged as `"Unhandled Error" err=…`; v1.34+:
 * `utilruntime.HandleErrorWithContext(ctx, err, "Couldn't get current server API group list")`),
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewGenericServerResponse (401: "the
 * server has asked for the client to provide credentials", used because the discovery client
 * does not decode the Status body), staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go
 * (`error: You must be logged in to the server (%s)`). The source line of v1.35+ builds is
 * taken as v1.34's (memcache.go:381); the parity suite masks klog headers.
 */
import { klogPrefix, parseVersion } from '../../src/index.ts';

/** The message client-go gives a 401 it cannot decode. */
export const UNAUTHORIZED_CAUSE = 'the server has asked for the client to provide credentials';

/** Go's %q of an ASCII string (klog quotes structured values this way). */
const quote = (s: string): string => JSON.stringify(s);

/**
 * The five klog lines of a failed discovery by kubectl `version` (e.g. "v1.37.1") at `nowMs`,
 * each a few milliseconds after the previous one, from one process id.
 */
export function discoveryFailureLines(version: string, nowMs: number, cause: string): string[] {
  const minor = parseVersion(version.startsWith('v') ? version : `v${version}`).minor;
  const pid = 10000 + (Math.floor(nowMs / 1000) % 50000);
  const text =
    minor >= 34
      ? `"Couldn't get current server API group list" err=${quote(cause)}`
      : `"Unhandled Error" err=${quote(`couldn't get current server API group list: ${cause}`)}`;
  const where = minor >= 34 ? 'memcache.go:381' : 'memcache.go:265';
  const base = (nowMs % 1000) * 1000 + 104_217;
  return [0, 1, 2, 3, 4].map((i) => {
    const micros = base + i * 4_381;
    const at = nowMs - (nowMs % 1000) + Math.floor(micros / 1_000_000) * 1000;
    return `${klogPrefix('E', at, micros % 1_000_000, where, pid)}${text}`;
  });
}

/** kubectl's answer when the API server rejects its client certificate (HTTP 401). */
export function unauthorizedText(version: string, nowMs: number): string {
  return [
    ...discoveryFailureLines(version, nowMs, UNAUTHORIZED_CAUSE),
    `error: You must be logged in to the server (${UNAUTHORIZED_CAUSE})`,
  ].join('\n');
}
