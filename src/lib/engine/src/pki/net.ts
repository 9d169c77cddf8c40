/**
 * Small, pure IP helpers for SAN computation and encoding (no node:net in core).
 * IPv4 addresses are 4 bytes and IPv6 16 bytes, as Go's x509 encodes them (ip.To4() when possible).
 */

/** Parses a textual IPv4/IPv6 address to bytes; returns undefined when it is not an IP. */
export function parseIp(text: string): Uint8Array | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (g.includes('.')) {
        const v4 = parseIpv4(g);
        if (v4 === undefined) return undefined;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
        out.push(parseInt(g, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1))
    return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** Formats IP bytes the way Go's net.IP.String() does (IPv6 compressed, lowercase). */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  // Longest run (≥ 2) of zero groups becomes '::' (RFC 5952), as Go does.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`;
}

/** Canonical text of an IP (Go's ParseIP + String), or undefined when not an IP. */
export function canonicalIp(text: string): string | undefined {
  const bytes = parseIp(text);
  return bytes === undefined ? undefined : formatIp(bytes);
}

/**
 * First usable IP of a service CIDR (kubeadm constants.GetAPIServerVirtualIP: network + 1).
 * With a dual-stack list (`a,b`) the first subnet wins, as in kubeadm.
 */
export function apiServerVirtualIp(serviceSubnet: string): string {
  const first = serviceSubnet.split(',')[0]?.trim() ?? '';
  const [addr = '', prefixText = ''] = first.split('/');
  const bytes = parseIp(addr);
  const prefix = Number(prefixText);
  if (bytes === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > bytes.length * 8) {
    throw new Error(`unable to get first IP address from the given CIDR: ${serviceSubnet}`);
  }
  const out = new Uint8Array(bytes);
  for (let bit = prefix; bit < out.length * 8; bit++) {
    const i = bit >> 3;
    out[i] = (out[i] ?? 0) & ~(0x80 >> (bit & 7));
  }
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = ((out[i] ?? 0) + 1) & 0xff;
    if (out[i] !== 0) break;
  }
  return formatIp(out);
}

/** Splits `host[:port]` / `[v6]:port` like kubeadm's ParseHostPort; port is undefined if absent. */
export function splitHostPort(endpoint: string): { host: string; port: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(endpoint);
  if (bracketed) {
    return { host: bracketed[1] ?? '', port: bracketed[2] ? Number(bracketed[2]) : undefined };
  }
  if (parseIpv6(endpoint) !== undefined) return { host: endpoint, port: undefined };
  const m = /^([^:]+)(?::(\d+))?$/.exec(endpoint);
  if (!m) throw new Error(`error parsing cluster controlPlaneEndpoint "${endpoint}"`);
  return { host: m[1] ?? '', port: m[2] ? Number(m[2]) : undefined };
}

/** `https://host:port`, bracketing IPv6 hosts (Go net.JoinHostPort). */
export function httpsUrl(host: string, port: number): string {
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
