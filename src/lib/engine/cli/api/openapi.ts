/**
 * The OpenAPI documents kubectl downloads: before `apply` and `create -f` validate a manifest
 * (cli-runtime's validation: the v2 document as protobuf for client-side schema checks, the v3
 * documents to learn whether a group version supports server-side field validation), and for
 * `kubectl explain` (the v3 root, then the group version's document).
 *
 * The v2 document is a frame without definitions: kubectl finds no schema for a kind there and
 * sends the manifest as it is. The v3 root lists every group version that has a document, each
 * with its document's hash as kube-openapi's handler3 publishes it (`?hash=` the upper-case hex
 * SHA-512 of the document); the documents carry the kinds' schemas (src/openapi/documents.ts,
 * which explains why they carry no write operations).
 *
 * upstream: github.com/google/gnostic-models openapiv2/OpenAPIv2.proto (Document: 1 swagger), k8s.io/client-go/discovery/discovery_client.go
 * (OpenAPISchema: GET /openapi/v2 as application/com.github.proto-openapi.spec.v2@v1.0+protobuf),
 * client-go/openapi/client.go (GET /openapi/v3: `{"paths": {…}}`),
 * cli-runtime/pkg/resource/query_param_verifier_v3.go (a group version missing from the root
 * means no server-side field validation).
 */
import { createHash } from 'node:crypto';
import {
  customResourceSchemas,
  discoveredGroups,
  loadOpenApiSchemas,
  servedDocument,
  type ClusterState,
} from '../../src/index.ts';
import type { ApiResponse } from '../../shell/api/status.ts';

const encoder = new TextEncoder();

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

/** A length-delimited protobuf field (wire type 2). */
function field(no: number, bytes: Uint8Array): number[] {
  return [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];
}

const str = (no: number, s: string): number[] => field(no, encoder.encode(s));

/** GET /openapi/v2: the gnostic Document as protobuf (its swagger version, no definitions). */
export function openApiV2(): ApiResponse {
  return {
    status: 200,
    body: new Uint8Array(str(1, '2.0')),
    // kube-openapi's handler answers the protobuf form as application/octet-stream.
    contentType: 'application/octet-stream',
  };
}

/** A served document: its JSON bytes and their hash. */
interface Served {
  readonly bytes: Uint8Array;
  readonly hash: string;
}

/** Documents by server version, group version and the custom resources' schemas in it. */
const SERVED = new Map<string, Served | null>();

/** The v3 documents of the cluster, keyed by their root path (`api/v1`, `apis/apps/v1`). */
async function documents(state: ClusterState): Promise<Map<string, Served>> {
  const serverVersion = state.cluster?.version ?? 'v0.0.0';
  const out = new Map<string, Served>();
  for (const g of discoveredGroups(state))
    for (const v of g.versions) {
      const path = g.name === '' ? `api/${v.version}` : `apis/${g.name}/${v.version}`;
      const schemas = await loadOpenApiSchemas();
      // A custom resource's document changes with its CRD; the built-in ones only with the version.
      const custom = JSON.stringify(customResourceSchemas(state, schemas, g.name, v.version));
      const key = `${serverVersion} ${path} ${custom}`;
      if (!SERVED.has(key)) {
        const doc = servedDocument(state, schemas, g.name, v.version);
        const bytes = doc === null ? null : encoder.encode(JSON.stringify(doc));
        SERVED.set(
          key,
          bytes === null
            ? null
            : { bytes, hash: createHash('sha512').update(bytes).digest('hex').toUpperCase() },
        );
      }
      const served = SERVED.get(key);
      if (served) out.set(path, served);
    }
  return out;
}

/** GET /openapi/v3: the root, each group version with the URL of its document. */
export async function openApiV3Root(state: ClusterState): Promise<ApiResponse> {
  const paths: Record<string, unknown> = {};
  for (const [path, served] of await documents(state))
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${served.hash}` };
  return { status: 200, body: { paths } };
}

/**
 * GET /openapi/v3/api/v1, /openapi/v3/apis/GROUP/VERSION: one group version's document, or null
 * when the cluster has none at `path`.
 */
export async function openApiV3Document(
  state: ClusterState,
  path: string,
): Promise<ApiResponse | null> {
  const served = (await documents(state)).get(path);
  return served ? { status: 200, body: served.bytes, contentType: 'application/json' } : null;
}
