/**
 * Tools for looking at certificates: `openssl x509|verify` (over the PKI module's pure
 * implementations) and `base64 [-d]`. Error texts are OpenSSL
 * 3.0's (Ubuntu 24.04 ships 3.0.x); the thread-id prefix of its error lines is fixed here.
 */
import { runOpensslVerify } from '../../src/pki/openssl-verify.ts';
import { runOpensslX509 } from '../../src/pki/openssl-x509-command.ts';
import { base64, unbase64 } from '../materialize.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { genrsa, req, x509Req } from './pki-openssl-gen.ts';
import { findMachine } from '../../src/index.ts';
import { dgst, rsaOrPkey } from './openssl-keys.ts';

const TID = '40F7C2B1E37F0000';

/** File contents as `cat` would show them, or undefined when absent. */
async function readFile(inv: Invocation, p: string): Promise<string | undefined> {
  const content = findMachine(inv.ctx.state, inv.machine)?.files[absolutePath(inv, p)];
  if (content === undefined) return undefined;
  return inv.ctx.materialize(inv.ctx.state, inv.machine, content);
}

function emit(inv: Invocation, text: string, stream: 'out' | 'err'): void {
  if (text === '') return;
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (stream === 'out') inv.io.out(body);
  else inv.io.err(body);
}

async function x509(inv: Invocation, args: readonly string[]): Promise<number> {
  const inIndex = args.indexOf('-in');
  let pem: string;
  if (inIndex >= 0) {
    const file = args[inIndex + 1] ?? '';
    const content = await readFile(inv, file);
    if (content === undefined) {
      inv.io.err(`Could not open file or uri for loading certificate from ${file}`);
      inv.io.err(
        `${TID}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file`,
      );
      inv.io.err(
        `${TID}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${file})`,
      );
      inv.io.err('Unable to load certificate');
      return 1;
    }
    pem = content;
  } else {
    pem = inv.stdin ?? '';
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      inv.io.err('Could not read certificate from <stdin>');
      inv.io.err('Unable to load certificate');
      return 1;
    }
  }
  const result = runOpensslX509(pem, args, inv.ctx.state.now);
  emit(inv, result.stdout, 'out');
  emit(inv, result.stderr, 'err');
  return result.exitCode;
}

async function verify(inv: Invocation, args: readonly string[]): Promise<number> {
  let caFile: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-CAfile') caFile = args[++i];
    else if (!a.startsWith('-')) files.push(a);
  }
  const missing = (file: string): number => {
    inv.io.err(`Error loading file ${file}`);
    inv.io.err(
      `${TID}:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${file}, r)`,
    );
    inv.io.err(
      `${TID}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:`,
    );
    inv.io.err(
      `${TID}:error:05880002:x509 certificate routines:X509_load_cert_crl_file_ex:system lib:../crypto/x509/by_file.c:229:`,
    );
    return 1;
  };
  const bundle = caFile === undefined ? '' : await readFile(inv, caFile);
  if (bundle === undefined) return missing(caFile ?? '');
  const targets = [];
  for (const f of files) {
    const pem = await readFile(inv, f);
    if (pem === undefined) {
      inv.io.err(`Could not open file or uri for loading certificate from ${f}`);
      inv.io.err(
        `${TID}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${f})`,
      );
      inv.io.err(`error ${f}: verification failed`);
      return 2;
    }
    targets.push({ file: f, pem });
  }
  if (targets.length === 0 && inv.stdin !== null) targets.push({ file: 'stdin', pem: inv.stdin });
  const result = await runOpensslVerify(bundle, targets, inv.ctx.state.now);
  emit(inv, result.stdout, 'out');
  emit(inv, result.stderr, 'err');
  return result.exitCode;
}

/** `openssl x509 …`, `openssl verify -CAfile …`. */
export const openssl: CommandModule = {
  name: 'openssl',
  summary:
    'inspect, verify and make certificates and keys (x509, verify, genrsa, req, rsa, pkey, dgst)',
  async run(inv) {
    const [sub, ...args] = inv.args;
    if (sub === 'x509' && args.includes('-req')) return x509Req(inv, args);
    if (sub === 'genrsa') return genrsa(inv, args);
    if (sub === 'req') return req(inv, args);
    if (sub === 'x509') return x509(inv, args);
    if (sub === 'verify') return verify(inv, args);
    if (sub === 'rsa' || sub === 'pkey') return rsaOrPkey(inv, sub, args);
    if (sub === 'dgst') return dgst(inv, args);
    if (sub === 'version') {
      inv.io.out('OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)');
      return 0;
    }
    inv.io.err(`Invalid command '${sub ?? ''}'; type "help" for a list.`);
    return 1;
  },
};

/** `base64 [-d|--decode] [FILE]`. */
export const base64Cmd: CommandModule = {
  name: 'base64',
  summary: 'base64 encode/decode data',
  async run(inv) {
    const decode = inv.args.some((a) => a === '-d' || a === '--decode');
    const file = inv.args.find((a) => !a.startsWith('-'));
    const input = file !== undefined ? await readFile(inv, file) : (inv.stdin ?? '');
    if (input === undefined) {
      inv.io.err(`base64: ${file ?? ''}: No such file or directory`);
      return 1;
    }
    if (decode) {
      const out = unbase64(input);
      if (out === null) {
        inv.io.err('base64: invalid input');
        return 1;
      }
      emit(inv, out, 'out');
      return 0;
    }
    const encoded = base64(input);
    for (let i = 0; i < encoded.length; i += 76) inv.io.out(encoded.slice(i, i + 76));
    return 0;
  },
};
