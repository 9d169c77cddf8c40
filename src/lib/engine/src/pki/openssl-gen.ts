/**
 * Making keys and certificates by hand with openssl (as in kubernetes/website
 * content/en/docs/tasks/tls/manual-rotation-of-ca-certificates.md and
 * content/en/docs/tasks/administer-cluster/certificates.md "openssl"):
 * `genrsa`, `req -x509 -new` (self-signed CA), `req -new` (CSR) and `x509 -req` (sign a CSR).
 *
 * Keys are NOT generated: `genrsa` draws one of the engine's shipped public simulation keys with
 * the state's seeded RNG, so the same seed gives the same key. Certificates are metadata records
 * in `machine.certs` like kubeadm's, materialised as real X.509 by the PKI module on read.
 *
 * Differences from real OpenSSL 3.0 (documented, not hidden): the materialiser encodes every
 * certificate as X.509 v3 with kubeadm's extensions (KeyUsage, BasicConstraints, SubjectKeyId on
 * CAs), while `req -x509` writes SubjectKeyId/AuthorityKeyId/BasicConstraints and `x509 -req`
 * without `-extfile` writes a v1 certificate; and the subject is encoded O before CN (Go's order).
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { createRng } from '../random.ts';
import { isDirectory } from '../machine/system.ts';
import { createKeyPicker } from './plan-certificates.ts';
import type { CertificateMeta, CertificateSubject } from './specs.ts';
import { findMachine, machineList } from '../state/machines.ts';
import { setKeyed } from '../model/keyed-map.ts';

/** What an openssl invocation does to the filesystem, as data. */
export type OpensslOp =
  | { readonly op: 'genrsa'; readonly out: string }
  | {
      readonly op: 'req-x509';
      readonly key: string;
      readonly out: string;
      readonly subject: CertificateSubject;
      readonly days: number;
    }
  | {
      readonly op: 'req-csr';
      readonly key: string;
      readonly out: string;
      readonly subject: CertificateSubject;
    }
  | {
      readonly op: 'x509-req';
      readonly csr: string;
      readonly ca: string;
      readonly caKey: string;
      readonly out: string;
      readonly days: number;
      /** `-CAcreateserial`: write the serial next to the CA (`ca.crt` → `ca.srl`). */
      readonly createSerial: boolean;
    };

/** `@pki:pkcs8:<id>`: a private key as OpenSSL 3 writes it (PKCS#8 `PRIVATE KEY`). */
export const pkcs8Ref = (keyId: string): string => `@pki:pkcs8:${keyId}`;
/** `@pki:csr:<path>`: the PKCS#10 request whose record is `machine.certs[path]`. */
export const csrRef = (path: string): string => `@pki:csr:${path}`;

const DAY_MS = 24 * 3600 * 1000;

/** The simulation key id a key file refers to (PKCS#1 or PKCS#8 reference), if any. */
export function keyIdOfFile(content: string | undefined): string | undefined {
  return /^@pki:(?:key|pkcs8):(\S+)\s*$/.exec(content ?? '')?.[1];
}

/** Parses `-subj "/CN=a/O=b"`; null when malformed (openssl: "name is expected to be in the format /type0=value0/…"). */
export function parseSubj(text: string): CertificateSubject | null {
  if (!text.startsWith('/')) return null;
  let commonName = '';
  const organizations: string[] = [];
  for (const part of text.slice(1).split('/')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const type = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (type === 'CN') commonName = value;
    else if (type === 'O') organizations.push(value);
    else return null;
  }
  return { commonName, organizations };
}

/** A 20-byte positive serial as OpenSSL 3 makes them (random, top bit clear). */
function serial20(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 40; i++) {
    const max = i === 0 ? 8 : 16;
    hex += Math.floor(random() * max).toString(16);
  }
  return hex.replace(/^0+/, '') || '1';
}

function put(
  state: ClusterState,
  m: Machine,
  files: Record<string, string>,
  certs = {},
): ClusterState {
  return {
    ...state,
    machines: setKeyed(state.machines, m.name, {
      ...m,
      files: { ...m.files, ...files },
      certs: { ...m.certs, ...certs },
    }),
  };
}

function bad(message: string): Transition {
  return fail(new EngineError('Internal', { message }));
}

/** Applies one openssl operation on `machine` (paths are absolute; the shell checked inputs). */
export function applyOpenssl(state: ClusterState, machine: string, o: OpensslOp): Transition {
  const m = findMachine(state, machine);
  if (!m) return bad(`no machine ${machine}`);
  // BIO_new_file's wording (OpenSSL 3.0) for an output that is a directory, the root included.
  if (o.out === '/' || isDirectory(m, o.out))
    return fail(
      new EngineError('UsageError', {
        message: `Can't open "${o.out}" for writing, Is a directory`,
      }),
    );
  const rng = createRng(state.rng);
  const random = (): number => rng.next();
  const now = Math.floor(state.now / 1000) * 1000;
  if (o.op === 'genrsa') {
    const used = machineList(state).flatMap((x) => [
      ...Object.values(x.certs).map((c) => c.keyId),
      ...Object.values(x.files)
        .map((f) => (f.length < 80 ? keyIdOfFile(f) : undefined))
        .filter((id): id is string => id !== undefined),
    ]);
    const keyId = createKeyPicker(random, used).next();
    return ok({ ...put(state, m, { [o.out]: pkcs8Ref(keyId) }), rng: rng.state });
  }
  if (o.op === 'req-x509' || o.op === 'req-csr') {
    const keyId = keyIdOfFile(m.files[o.key]);
    if (keyId === undefined) return bad(`Could not read private key from ${o.key}`);
    const isCA = o.op === 'req-x509';
    const meta: CertificateMeta = {
      name: isCA ? 'ca' : 'csr',
      kind: isCA ? 'ca' : 'leaf',
      path: o.out,
      keyPath: o.key,
      subject: o.subject,
      issuer: 'ca',
      dnsNames: [],
      ipAddresses: [],
      notBefore: now,
      notAfter: now + (isCA ? o.days : 0) * DAY_MS,
      isCA,
      keyUsages: isCA
        ? ['digitalSignature', 'keyEncipherment', 'keyCertSign']
        : ['digitalSignature', 'keyEncipherment'],
      extKeyUsages: [],
      serialHex: isCA ? serial20(random) : '1',
      keyId,
    };
    const file = isCA ? `@pki:cert:${o.out}` : csrRef(o.out);
    return ok({ ...put(state, m, { [o.out]: file }, { [o.out]: meta }), rng: rng.state });
  }
  const csr = m.certs[o.csr];
  const ca = m.certs[o.ca];
  const caKeyId = keyIdOfFile(m.files[o.caKey]);
  if (!csr || m.files[o.csr] !== csrRef(o.csr))
    return bad(`Could not read certificate request from ${o.csr}`);
  if (!ca) return bad(`Could not read CA certificate from ${o.ca}`);
  if (caKeyId === undefined) return bad(`Could not read CA private key from ${o.caKey}`);
  const serialHex = serial20(random);
  // The issuer is the CA certificate's record, signed with the key in -CAkey (kept on the leaf
  // record, so renaming or replacing the CA file later does not change the leaf).
  const signer: CertificateMeta = { ...ca, keyId: caKeyId };
  const leaf: CertificateMeta & { readonly signer: CertificateMeta } = {
    ...csr,
    name: 'openssl-leaf',
    kind: 'leaf',
    path: o.out,
    notBefore: now,
    notAfter: now + o.days * DAY_MS,
    serialHex,
    signer,
  };
  const srl = o.ca.replace(/\.[^./]*$/, '') + '.srl';
  const files: Record<string, string> = { [o.out]: `@pki:cert:${o.out}` };
  if (o.createSerial) files[srl] = `${serialHex.toUpperCase().padStart(40, '0')}\n`;
  return ok({ ...put(state, m, files, { [o.out]: leaf }), rng: rng.state });
}
