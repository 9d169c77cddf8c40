/**
 * `kubectl describe csr`: the request's requester, signer, duration and status, and the
 * subject and alternative names read from the PKCS#10 request itself. A request kubectl cannot
 * parse is an error (`Error parsing CSR: …`), not a description.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (CertificateSigningRequestDescriber, describeCertificateSigningRequest, extractCSRStatus),
 * staging/src/k8s.io/kubectl/pkg/util/certificate/certificate.go (ParseCSR),
 * RFC 2986 (CertificationRequest), RFC 5280 4.1.2.4 (Name) and 4.2.1.6 (subjectAltName).
 */
import type { ApiObject, ClusterState } from '../../src/index.ts';
import { children, decodeOid, fromBase64, fromUtf8, readTlv, type Tlv } from '../../src/pki/der.ts';
import { humanDuration, rfc1123z } from '../format.ts';
import { describedText, refOf, type DescribeSettings } from './kubectl-describe-events.ts';
import { formatLabels } from './kubectl-describe-maps.ts';
import { o, arr, text } from './kubectl-describe-fields.ts';

/** The parts of a request describe prints. */
interface Request {
  readonly subject: ReadonlyMap<string, string[]>;
  readonly dns: string[];
  readonly emails: string[];
  readonly uris: string[];
  readonly ips: string[];
}

const NAME_OIDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.17': 'postalCode',
};

/** net.IP.String of 4 or 16 bytes. */
function ipText(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.');
  const groups: string[] = [];
  for (let i = 0; i < b.length; i += 2)
    groups.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** certificate.ParseCSR: the PEM block and its CertificationRequestInfo; throws Go's message. */
function parseRequest(request: unknown): Request {
  const pem = fromUtf8(fromBase64(text(request)));
  const m = /-----BEGIN ([A-Z ]+)-----([^-]*)-----END \1-----/.exec(pem);
  if (!m || m[1] !== 'CERTIFICATE REQUEST')
    throw new Error('PEM block type must be CERTIFICATE REQUEST');
  const [info] = children(readTlv(fromBase64(m[2] ?? '')));
  if (info === undefined) throw new Error('asn1: syntax error: sequence truncated');
  const [, name, , attributes] = children(info);
  const subject = new Map<string, string[]>();
  for (const set of name ? children(name) : [])
    for (const atv of children(set)) {
      const [id, value] = children(atv);
      const key = NAME_OIDS[decodeOid(id?.content ?? new Uint8Array())];
      if (key !== undefined && value !== undefined)
        subject.set(key, [...(subject.get(key) ?? []), fromUtf8(value.content)]);
    }
  const req: Request = { subject, dns: [], emails: [], uris: [], ips: [] };
  for (const attr of attributes ? children(attributes) : []) {
    const [id, values] = children(attr);
    if (decodeOid(id?.content ?? new Uint8Array()) !== '1.2.840.113549.1.9.14' || !values) continue;
    for (const exts of children(values))
      for (const ext of children(exts)) {
        const parts = children(ext);
        if (decodeOid(parts[0]?.content ?? new Uint8Array()) !== '2.5.29.17') continue;
        const octets: Tlv | undefined = parts[parts.length - 1];
        for (const gn of octets ? children(readTlv(octets.content)) : []) {
          const tag = gn.tag & 0x1f;
          if (tag === 2) req.dns.push(fromUtf8(gn.content));
          else if (tag === 1) req.emails.push(fromUtf8(gn.content));
          else if (tag === 6) req.uris.push(fromUtf8(gn.content));
          else if (tag === 7) req.ips.push(ipText(gn.content));
        }
      }
  }
  return req;
}

/** extractCSRStatus: Denied, Approved or Pending, then `,Failed` and `,Issued`. */
function csrStatus(csr: ApiObject): string {
  const types = arr(o(csr['status'])['conditions']).map((c) => text(c['type']));
  const base = types.includes('Denied')
    ? 'Denied'
    : types.includes('Approved')
      ? 'Approved'
      : 'Pending';
  return `${base}${types.includes('Failed') ? ',Failed' : ''}${text(o(csr['status'])['certificate']) !== '' ? ',Issued' : ''}`;
}

/** describeCertificateSigningRequest's text, or the parse error kubectl reports instead. */
export function csrText(
  state: ClusterState,
  csr: ApiObject,
  settings: DescribeSettings,
): string | { readonly error: string } {
  const spec = o(csr['spec']);
  let req: Request;
  try {
    req = parseRequest(spec['request']);
  } catch (e) {
    return { error: `Error parsing CSR: ${(e as Error).message}` };
  }
  const list = (name: string, values: readonly string[]): string[] =>
    values.length === 0 ? [] : [`\t${name}:\t${values.join('\n\t\t')}`];
  const sub = (k: string): string[] => req.subject.get(k) ?? [];
  const expiration = spec['expirationSeconds'];
  const sans = req.dns.length + req.emails.length + req.ips.length + req.uris.length;
  const lines = [
    `Name:\t${csr.metadata.name}`,
    `Labels:\t${formatLabels(csr.metadata.labels ?? {})}`,
    `Annotations:\t${formatLabels(csr.metadata.annotations ?? {})}`,
    `CreationTimestamp:\t${rfc1123z(csr.metadata.creationTimestamp ?? '')}`,
    `Requesting User:\t${text(spec['username'])}`,
    ...(text(spec['signerName']) !== '' ? [`Signer:\t${text(spec['signerName'])}`] : []),
    ...(typeof expiration === 'number'
      ? [`Requested Duration:\t${humanDuration(expiration * 1000)}`]
      : []),
    `Status:\t${csrStatus(csr)}`,
    'Subject:',
    `\tCommon Name:\t${sub('CN').at(-1) ?? ''}`,
    `\tSerial Number:\t${sub('serialNumber').at(-1) ?? ''}`,
    ...list('Organization', sub('O')),
    ...list('Organizational Unit', sub('OU')),
    ...list('Country', sub('C')),
    ...list('Locality', sub('L')),
    ...list('Province', sub('ST')),
    ...list('StreetAddress', sub('street')),
    ...list('PostalCode', sub('postalCode')),
    ...(sans > 0
      ? [
          'Subject Alternative Names:',
          ...list('DNS Names', req.dns),
          ...list('Email Addresses', req.emails),
          ...list('URIs', req.uris),
          ...list('IP Addresses', req.ips),
        ]
      : []),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(csr) : null);
}
