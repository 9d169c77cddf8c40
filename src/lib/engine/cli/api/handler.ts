/**
 * The simulated kube-apiserver's REST answers for `kubelife serve --api`: reads (health,
 * version, discovery, list/get as JSON or Table, pods/log) come from shell/api/read.ts, the same
 * code the simulator's `kubectl get --raw` asks; this adds the OpenAPI documents and the writes
 * clients send (cordon/uncordon patches, the eviction subresource drain posts one Pod at a time:
 * eviction.ts), applied through the simulator's own shell so the served state and the shell's
 * state stay one. Errors are metav1.Status objects with the API server's messages, which kubectl
 * prints as `Error from server (Reason): message`.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers (get.go, patch.go, create.go),
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewNotFound), pkg/registry/core/pod/
 * storage/eviction.go.
 */
import type { Session } from '../../shell/index.ts';
import { materializeBody } from './materialize-body.ts';
import { applyWrite } from './writes.ts';
import { answerReview } from './reviews.ts';
import { openApiV2, openApiV3Document, openApiV3Root } from './openapi.ts';
import { answerGet, notServed, resourcePath } from '../../shell/api/read.ts';
import type { ApiRequest, ApiResponse } from '../../shell/api/status.ts';

export type { ApiRequest, ApiResponse } from '../../shell/api/status.ts';

/** Answers one request against the session's current state. */
export async function handleApi(session: Session, req: ApiRequest): Promise<ApiResponse> {
  const r = await answer(session, req);
  if (r.text === true || r.body instanceof Uint8Array || !JSON.stringify(r.body).includes('@pki:'))
    return r;
  return { ...r, body: await materializeBody(session.save().state, session.machine, r.body) };
}

async function answer(session: Session, req: ApiRequest): Promise<ApiResponse> {
  const state = session.save().state;
  const parts = req.path.split('/').filter((x) => x !== '');
  const path = `/${parts.join('/')}`;
  if (req.method === 'GET') {
    const shared = answerGet(state, req);
    if (shared) return shared;
    if (path === '/openapi/v2') return openApiV2();
    if (path === '/openapi/v3') return openApiV3Root(state);
    if (parts[0] === 'openapi' && parts[1] === 'v3')
      return (await openApiV3Document(state, parts.slice(2).join('/'))) ?? notServed();
  }
  if (parts[0] !== 'api' && parts[0] !== 'apis') return notServed();
  const p = resourcePath(parts);
  if (!p) return notServed();
  const review = req.user ? answerReview(state, req, p, req.user) : null;
  if (review) return review;
  return applyWrite(session, state, req, p);
}
