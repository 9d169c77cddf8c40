/**
 * `kubectl get --raw PATH`: one GET of PATH, its body printed as the server sends it. The
 * answer comes from the same code that answers the served API (shell/api/read.ts), so the
 * simulator's kubectl and a real kubectl against `kubelife serve --api` see one server.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (Complete: `arguments may not be passed
 * when --raw is specified`; Validate: the flags --raw refuses, url.ParseRequestURI; Run:
 * rawhttp.RawGet), staging/src/k8s.io/kubectl/pkg/rawhttp/raw.go (the body copied to stdout),
 * staging/src/k8s.io/client-go/rest/request.go (transformResponse: a Status body becomes its
 * error; newUnstructuredResponseError: any other body becomes errors.NewGenericServerResponse,
 * `an error on the server ("BODY") has prevented the request from succeeding` for a 500),
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (StandardErrorMessage:
 * `Error from server (REASON): MESSAGE`, `Error from server: MESSAGE` without a reason).
 */
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { answerGet, notServed } from '../api/read.ts';
import { parseQuery, type ApiResponse } from '../api/status.ts';
import type { Connect } from './kubectl-node.ts';

/**
 * True when the apiserver reads etcd to answer `path`: not for health, /version, discovery or
 * componentstatuses (probed, never stored), which it answers from memory.
 */
function readsEtcd(path: string): boolean {
  const parts = path.split('/').filter((x) => x !== '');
  const [root = ''] = parts;
  if (['healthz', 'livez', 'readyz', 'version'].includes(root)) return false;
  if (root === 'api' && (parts.length <= 2 || parts[2] === 'componentstatuses')) return false;
  return !(root === 'apis' && parts.length <= 3);
}

/** Go's %q of a string: double-quoted with Go escapes. */
function goQuote(s: string): string {
  const escaped = [...s]
    .map((c) => {
      if (c === '"') return '\\"';
      if (c === '\\') return '\\\\';
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      if (c === '\r') return '\\r';
      const code = c.codePointAt(0) ?? 0;
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
    })
    .join('');
  return `"${escaped}"`;
}

/** The generic server response reasons client-go gives a body that is not a Status. */
const GENERIC: Readonly<Record<number, { reason: string; message: (body: string) => string }>> = {
  404: { reason: 'NotFound', message: () => 'the server could not find the requested resource' },
  500: {
    reason: 'InternalError',
    message: (body) =>
      `an error on the server (${goQuote(body)}) has prevented the request from succeeding`,
  },
  503: {
    reason: 'ServiceUnavailable',
    message: () => 'the server is currently unable to handle the request',
  },
};

/** kubectl's error line for a failed answer. */
function errorLine(r: ApiResponse): string {
  if (r.text !== true && typeof r.body === 'object' && r.body !== null) {
    const s = r.body as { reason?: string; message?: string };
    return s.reason
      ? `Error from server (${s.reason}): ${s.message ?? ''}`
      : `Error from server: ${s.message ?? ''}`;
  }
  const body = String(r.body).trim();
  const g = Object.hasOwn(GENERIC, r.status) ? GENERIC[r.status] : undefined;
  if (g) return `Error from server (${g.reason}): ${g.message(body)}`;
  return `Error from server: an error on the server (${goQuote(body)}) has prevented the request from succeeding`;
}

/** True when `raw` parses as Go's url.ParseRequestURI does for a path or an absolute URL. */
function validRequestUri(raw: string): boolean {
  return raw.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw);
}

/** `kubectl get --raw PATH`. */
export async function getRaw(
  inv: Invocation,
  p: ParsedFlags,
  connect: Connect,
  raw: string,
): Promise<number> {
  if (p.positionals.length > 0) {
    inv.io.err('error: arguments may not be passed when --raw is specified');
    return 1;
  }
  if (bool(p, 'watch') || bool(p, 'watch-only') || (str(p, 'selector') ?? '') !== '') {
    inv.io.err(
      'error: --raw may not be specified with other flags that filter the server request or alter the output',
    );
    return 1;
  }
  if ((str(p, 'output') ?? '') !== '') {
    inv.io.err('error: --raw and --output are mutually exclusive');
    return 1;
  }
  if (!validRequestUri(raw)) {
    inv.io.err(`error: --raw must be a valid URL path: parse "${raw}": invalid URI for request`);
    return 1;
  }
  const [path = '', query = ''] = raw
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '')
    .split('?', 2);
  if (!connect(inv, p, { etcd: readsEtcd(path) })) return 1;
  const state = inv.ctx.state;
  const r =
    answerGet(state, {
      method: 'GET',
      path,
      query: parseQuery(query),
      accept: 'application/json, */*',
      contentType: '',
      body: '',
      raw: new Uint8Array(),
    }) ?? notServed();
  for (const w of r.warnings ?? []) inv.io.err(`Warning: ${w}`);
  if (r.status === 501) {
    inv.io.err(String(r.body));
    return 1;
  }
  if (r.status >= 300) {
    inv.io.err(errorLine(r));
    return 1;
  }
  const text = r.text === true ? String(r.body) : JSON.stringify(r.body);
  const shown = await inv.ctx.materialize(state, inv.machine, text);
  // The body goes out as it came: `ok` and /version end without a newline.
  if (shown === '') return 0;
  if (shown.endsWith('\n') || inv.io.write === undefined) inv.io.out(shown.replace(/\n$/, ''));
  else inv.io.write(shown);
  return 0;
}

/** The --raw flag's value when given (kubectl treats an empty value as absent). */
export function rawFlag(p: ParsedFlags): string | null {
  const v = str(p, 'raw');
  return v === undefined || v === '' ? null : v;
}
