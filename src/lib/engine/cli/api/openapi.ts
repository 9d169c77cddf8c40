/**
 * The OpenAPI documents kubectl downloads before `apply` and `create -f` validate a manifest
 * (cli-runtime's validation: the v2 document as protobuf for client-side schema checks, the v3
 * root to learn whether a group version supports server-side field validation). The simulated
 * API server publishes the documents' frame (a swagger 2.0 document; a v3 root) without schemas: kubectl then finds no schema for a kind and no group version on the
 * v3 root, so it sends the manifest as it is, which is what it does with a kind it has no schema
 * for. Schemas (for `kubectl explain` and field validation) are not served yet.
 *
 * upstream: github.com/google/gnostic-models openapiv2/OpenAPIv2.proto (Document: 1 swagger), k8s.io/client-go/discovery/discovery_client.go
 * (OpenAPISchema: GET /openapi/v2 as application/com.github.proto-openapi.spec.v2@v1.0+protobuf),
 * client-go/openapi/client.go (GET /openapi/v3: `{"paths": {…}}`),
 * cli-runtime/pkg/resource/query_param_verifier_v3.go (a group version missing from the root
 * means no server-side field validation).
 */
import type { ApiResponse } from './status.ts';

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

/** GET /openapi/v3: the root listing group versions (none with schemas yet). */
export function openApiV3Root(): ApiResponse {
  return { status: 200, body: { paths: {} } };
}
