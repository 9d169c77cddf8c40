/**
 * `openssl rsa`, `openssl pkey` and `openssl dgst` as OpenSSL 3.0 (Ubuntu 24.04) prints them,
 * enough for kubernetes.io's join-hash pipeline
 * `openssl x509 -pubkey -in ca.crt | openssl rsa -pubin -outform der | openssl dgst -sha256 -hex`:
 * DER output goes through the pipe as a byte string (../bytes.ts). Wording checked against
 * openssl 3.0.19 on the development machine (apps/rsa.c, apps/pkey.c, apps/dgst.c).
 */
import { parseRsaKey, pkcs8FromPkcs1, rsaPublicKeyOf } from '../../src/pki/key-formats.ts';
import { sha1, sha256 } from '../../src/pki/sha.ts';
import { toHex, toPem } from '../../src/pki/der.ts';
import { byteString, bytesOf, isByteString } from '../bytes.ts';
import { absolutePath } from '../paths.ts';
import type { Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';

const TID = '40F7C2B1E37F0000';

interface KeyOptions {
  readonly in?: string;
  readonly out?: string;
  readonly inDer: boolean;
  readonly outDer: boolean;
  readonly pubin: boolean;
  readonly pubout: boolean;
  readonly noout: boolean;
  readonly check: boolean;
  readonly traditional: boolean;
  readonly rsaPublicOut: boolean;
}

function parseKeyOptions(cmd: string, args: readonly string[], inv: Invocation): KeyOptions | null {
  const o: { -readonly [K in keyof KeyOptions]: KeyOptions[K] } = {
    inDer: false,
    outDer: false,
    pubin: false,
    pubout: false,
    noout: false,
    check: false,
    traditional: false,
    rsaPublicOut: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = (): string => args[++i] ?? '';
    if (a === '-in') o.in = value();
    else if (a === '-out') o.out = value();
    else if (a === '-inform') o.inDer = value().toUpperCase() === 'DER';
    else if (a === '-outform') o.outDer = value().toUpperCase() === 'DER';
    else if (a === '-pubin') o.pubin = true;
    else if (a === '-pubout') o.pubout = true;
    else if (a === '-noout') o.noout = true;
    else if (a === '-check' && cmd === 'rsa') o.check = true;
    else if (a === '-traditional') o.traditional = true;
    else if (a === '-RSAPublicKey_out' && cmd === 'rsa') o.rsaPublicOut = true;
    else {
      inv.io.err(`${cmd}: Unknown option: ${a}\n${cmd}: Use -help for summary.`);
      return null;
    }
  }
  return o;
}

/** Reads `-in FILE` (or stdin) as text or bytes; undefined when the file is missing. */
async function readInput(inv: Invocation, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return inv.stdin ?? '';
  const content = findMachine(inv.ctx.state, inv.machine)?.files[absolutePath(inv, file)];
  if (content === undefined) return undefined;
  return inv.ctx.materialize(inv.ctx.state, inv.machine, content);
}

/** Writes the result to `-out FILE` or stdout (text with its newline, DER as bytes). */
function emit(inv: Invocation, out: string | undefined, data: string, binary: boolean): boolean {
  if (out === undefined) {
    if (binary) inv.io.write?.(data);
    else inv.io.out(data.replace(/\n$/, ''));
    return true;
  }
  const t = inv.apply({
    type: 'file.write',
    machine: inv.machine,
    path: absolutePath(inv, out),
    content: data,
  });
  if (!t.ok) {
    inv.io.err(`Can't open "${out}" for writing, No such file or directory`);
    return false;
  }
  return true;
}

/** `openssl rsa …` and `openssl pkey …`. */
export async function rsaOrPkey(
  inv: Invocation,
  cmd: 'rsa' | 'pkey',
  args: readonly string[],
): Promise<number> {
  const o = parseKeyOptions(cmd, args, inv);
  if (!o) return 1;
  const kind = o.pubin ? 'public key' : cmd === 'rsa' ? 'private key' : 'key';
  const input = await readInput(inv, o.in);
  if (input === undefined) {
    inv.io.err(
      `Could not open file or uri for loading ${o.pubin ? 'public key' : 'private key'} from ${o.in ?? ''}`,
    );
    inv.io.err(
      `${TID}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file`,
    );
    inv.io.err(
      `${TID}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${o.in ?? ''})`,
    );
    return 1;
  }
  const key = parseRsaKey(o.inDer || isByteString(input) ? bytesOf(input) : input, o.pubin);
  if (!key) {
    inv.io.err(`Could not read ${kind} from ${o.in ?? '<stdin>'}`);
    return 1;
  }
  if (o.check) {
    if (!key.pkcs1Private) {
      inv.io.err('Only private keys can be checked');
      return 1;
    }
    inv.io.out('RSA key ok');
  }
  if (o.noout) return 0;
  const publicOnly = o.pubin || o.pubout || !key.pkcs1Private;
  let der: Uint8Array;
  let label: string;
  if (publicOnly && o.rsaPublicOut) [der, label] = [rsaPublicKeyOf(key.spki), 'RSA PUBLIC KEY'];
  else if (publicOnly) [der, label] = [key.spki, 'PUBLIC KEY'];
  else if (o.traditional && key.pkcs1Private) [der, label] = [key.pkcs1Private, 'RSA PRIVATE KEY'];
  else [der, label] = [pkcs8FromPkcs1(key.pkcs1Private ?? new Uint8Array()), 'PRIVATE KEY'];
  if (cmd === 'rsa') inv.io.err('writing RSA key');
  return emit(inv, o.out, o.outDer ? byteString(der) : toPem(der, label), o.outDer) ? 0 : 1;
}

/** Digests `openssl dgst` offers here, with the name its output line uses. */
const DIGESTS: Readonly<Record<string, { name: string; fn: (b: Uint8Array) => Uint8Array }>> = {
  '-sha256': { name: 'SHA2-256', fn: sha256 },
  '-sha1': { name: 'SHA1', fn: sha1 },
};

/** `openssl dgst [-sha256|-sha1] [-hex|-binary|-r] [FILE…]`. */
export async function dgst(inv: Invocation, args: readonly string[]): Promise<number> {
  // Without a digest option OpenSSL 3.0 uses SHA256 and labels it so (not "SHA2-256").
  let digest = { name: 'SHA256', fn: sha256 };
  let binary = false;
  let coreutils = false;
  const files: string[] = [];
  for (const a of args) {
    const d = DIGESTS[a];
    if (d) digest = d;
    else if (a === '-hex') binary = false;
    else if (a === '-binary') binary = true;
    else if (a === '-r') coreutils = true;
    else if (a.startsWith('-')) {
      inv.io.err(
        `dgst: Unknown option or message digest: ${a.slice(1)}\ndgst: Use -help for summary.`,
      );
      return 1;
    } else files.push(a);
  }
  const inputs: Array<{ label: string; data: string | undefined }> =
    files.length === 0
      ? [{ label: 'stdin', data: inv.stdin ?? '' }]
      : await Promise.all(files.map(async (f) => ({ label: f, data: await readInput(inv, f) })));
  let code = 0;
  for (const { label, data } of inputs) {
    if (data === undefined) {
      inv.io.err(`${label}: No such file or directory`);
      inv.io.err(
        `${TID}:error:80000002:system library:file_ctrl:No such file or directory:../crypto/bio/bss_file.c:297:calling fopen(${label}, r)`,
      );
      inv.io.err(
        `${TID}:error:10080002:BIO routines:file_ctrl:system lib:../crypto/bio/bss_file.c:300:`,
      );
      code = 1;
      continue;
    }
    const sum = digest.fn(bytesOf(data));
    if (binary) inv.io.write?.(byteString(sum));
    else if (coreutils) inv.io.out(`${toHex(sum)} *${label}`);
    else inv.io.out(`${digest.name}(${label})= ${toHex(sum)}`);
  }
  return code;
}
