/**
 * What the served API's handlers exchange: the request as read, the response, a parsed resource
 * path, and metav1.Status failures with the API server's reasons and messages
 * (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go).
 */

type Obj = Record<string, unknown>;

/** A request's query parameters (what URLSearchParams offers the handlers). */
export interface Query {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** Parses `a=1&verbose` as a URL query (form-decoded names and values). */
export function parseQuery(text: string): Query {
  const pairs = text
    .split('&')
    .filter((x) => x !== '')
    .map((x) => {
      const i = x.indexOf('=');
      const decode = (s: string): string => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s; // a malformed escape stays as it was sent
        }
      };
      return i < 0 ? [decode(x), ''] : [decode(x.slice(0, i)), decode(x.slice(i + 1))];
    });
  return {
    get: (name) => pairs.find(([k]) => k === name)?.[1] ?? null,
    has: (name) => pairs.some(([k]) => k === name),
  };
}

/** One HTTP request, as the server read it. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Query;
  readonly accept: string;
  readonly contentType: string;
  /** The body as text (JSON bodies) and as bytes (protobuf bodies). */
  readonly body: string;
  readonly raw: Uint8Array;
  /** The client certificate's user (CN) and groups (O, plus system:authenticated). */
  readonly user?: { readonly name: string; readonly groups: readonly string[] };
  /** Impersonate-User and Impersonate-Group headers (`kubectl --as`, `--as-group`). */
  readonly impersonateUser?: string;
  readonly impersonateGroups?: readonly string[];
}

/** The answer: status and a JSON body (or text for the health endpoints). */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly text?: boolean;
  /** The Content-Type of a binary body (`body` is then a Uint8Array sent as it is). */
  readonly contentType?: string;
  /** Warning headers (`299 - "text"`), which kubectl prints on stderr as `Warning: text`. */
  readonly warnings?: readonly string[];
}

/** A metav1.Status failure. */
export function status(code: number, reason: string, message: string, details?: Obj): ApiResponse {
  return {
    status: code,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      // StatusReasonUnknown is "" and omitted (metav1.Status `reason,omitempty`).
      ...(reason !== '' ? { reason } : {}),
      ...(details ? { details } : {}),
      code,
    },
  };
}

/** A resource path: /api/v1/… or /apis/GROUP/VERSION/…, split into its parts. */
export interface ResourcePath {
  readonly group: string;
  readonly version: string;
  readonly namespace: string | null;
  readonly plural: string;
  readonly name: string | null;
  readonly sub: string | null;
}
