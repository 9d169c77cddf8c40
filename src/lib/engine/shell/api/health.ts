/**
 * GET /healthz, /livez, /readyz (with `?verbose`) and one check (/readyz/etcd, /livez/ping) as
 * kube-apiserver answers them: staging/src/k8s.io/apiserver/pkg/server/healthz/healthz.go
 * handleRootHealth (`ok` when every check passes and no `verbose`; otherwise one
 * `[+]NAME ok` / `[-]NAME failed: reason withheld` line per check, then `NAME check passed`, or on
 * failure the same lines and `NAME check failed` as HTTP 500 through http.Error, which ends the
 * body with a newline) and adaptCheckToHandler (`ok`, or 500 `internal server error: ERR`).
 *
 * What fails: the `etcd` and `etcd-readiness` checks when the answering apiserver's etcd client
 * gets no answer (the local member is down or etcd has lost quorum). The error text of a single
 * etcd check is the storage health check's (storagebackend/factory/etcd3.go:
 * `error getting data from etcd: …`, its context ending before an answer).
 */
import { answeringApiserver, etcdAnswers, type ClusterState } from '../../src/index.ts';
import { apiMinor } from './discovery.ts';
import { healthCheckNames, type HealthEndpoint } from './health-checks.ts';
import type { ApiResponse, Query } from './status.ts';

const ETCD_ERROR = 'error getting data from etcd: context deadline exceeded';

/** Checks every kube-apiserver registers (config.go), known for any minor. */
const ALWAYS = ['ping', 'log', 'etcd'];

const text = (status: number, body: string): ApiResponse => ({ status, body, text: true });

/** Endpoint names the apiserver serves. */
export function isHealthEndpoint(name: string): name is HealthEndpoint {
  return name === 'healthz' || name === 'livez' || name === 'readyz';
}

function failing(state: ClusterState): ReadonlySet<string> {
  const machine = answeringApiserver(state);
  return machine !== null && etcdAnswers(state, machine)
    ? new Set()
    : new Set(['etcd', 'etcd-readiness']);
}

/**
 * The answer to /ENDPOINT or /ENDPOINT/CHECK, or null for a check the endpoint does not list
 * (the apiserver's not-found answer follows).
 */
export function healthAnswer(
  state: ClusterState,
  endpoint: HealthEndpoint,
  check: string | null,
  query: Query,
): ApiResponse | null {
  const names = healthCheckNames(apiMinor(state), endpoint);
  const failed = failing(state);
  if (check !== null) {
    if (!(names ?? ALWAYS).includes(check)) return null;
    return failed.has(check)
      ? text(500, `internal server error: ${ETCD_ERROR}\n`)
      : text(200, 'ok');
  }
  const verbose = query.has('verbose');
  if (!verbose && ![...failed].some((c) => (names ?? ALWAYS).includes(c))) return text(200, 'ok');
  if (names === null)
    return text(
      501,
      `kubelife: this simulator does not know which checks the v1.${String(apiMinor(state))} kube-apiserver lists on /${endpoint} (no source for that minor was found); it knows v1.35 and newer`,
    );
  const lines = names.map((n) =>
    failed.has(n) ? `[-]${n} failed: reason withheld\n` : `[+]${n} ok\n`,
  );
  const bad = names.some((n) => failed.has(n));
  return bad
    ? text(500, `${lines.join('')}${endpoint} check failed\n`)
    : text(200, `${lines.join('')}${endpoint} check passed\n`);
}
