/**
 * `openssl genrsa`, `openssl req -new [-x509]` and `openssl x509 -req`: make a CA and sign leaves
 * by hand (manual CA rotation). The state change is the typed `pki.openssl` command
 * (src/pki/openssl-gen.ts); this module parses OpenSSL 3.0's arguments and prints its text:
 * genrsa and req print nothing on success; `x509 -req` prints `Certificate request
 * self-signature ok` and `subject=…` on stderr (checked against OpenSSL 3.0.19).
 * Keys come from the engine's pool of PUBLIC simulation keys — never use them for anything real.
 */
import { parseSubj, type OpensslOp } from '../../src/pki/openssl-gen.ts';
import type { Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine, MAX_SIMULATED_TIME } from '../../src/index.ts';

const TID = '40F7C2B1E37F0000';

function opt(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function exists(inv: Invocation, p: string): boolean {
  return findMachine(inv.ctx.state, inv.machine)?.files[absolutePath(inv, p)] !== undefined;
}

function run(inv: Invocation, op: OpensslOp): number {
  const t = inv.apply({ type: 'pki.openssl', machine: inv.machine, op });
  if (t.ok) return 0;
  inv.io.err(t.error.message);
  return 1;
}

function noKey(inv: Invocation, file: string): number {
  inv.io.err(`Could not open file or uri for loading private key from ${file}`);
  inv.io.err(
    `${TID}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file`,
  );
  inv.io.err(
    `${TID}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${file})`,
  );
  return 1;
}

function badSubj(inv: Invocation, subj: string): number {
  // Unsure of OpenSSL's exact wording for every malformed -subj; this is its usual message.
  inv.io.err(
    `name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${subj}'`,
  );
  return 1;
}

/**
 * OpenSSL's opt_int (apps/lib/opts.c): a decimal C int, or the error it prints. `positive` adds
 * the check the `-days` options make (opt_int_arg plus "Non-positive number").
 */
function opensslInt(
  prog: string,
  text: string,
  option: string,
  positive: boolean,
): { value: number } | { error: string } {
  if (!/^[-+]?\d+$/.test(text)) return { error: `${prog}: Can't parse "${text}" as a number` };
  // opt_int reads a C long first (strtol: past 64 bits it cannot parse), then narrows to int.
  const big = BigInt(text);
  if (big > 9223372036854775807n || big < -9223372036854775808n)
    return { error: `${prog}: Can't parse "${text}" as a number` };
  const n = Number(text);
  if (n > 2147483647 || n < -2147483648)
    return { error: `${prog}: Value "${text}" outside integer range` };
  if (positive && n <= 0)
    return { error: `${prog}: Non-positive number "${text}" for option ${option}` };
  return { value: n };
}

/** Prints an option error the way OpenSSL's apps do (the error, then the -help hint); exit 1. */
function optionError(inv: Invocation, prog: string, error: string): number {
  inv.io.err(error);
  inv.io.err(`${prog}: Use -help for summary.`);
  return 1;
}

/**
 * The `-days` of req -x509 and x509 -req (default 30), or the exit code when it is unusable.
 * OpenSSL 3.0 exits 1 without a message when the certificate would end after year 9999.
 */
function daysOption(
  inv: Invocation,
  prog: string,
  args: readonly string[],
): number | { exit: number } {
  const raw = opt(args, '-days');
  if (raw === undefined) return 30;
  const days = opensslInt(prog, raw, '-days', true);
  if ('error' in days) return { exit: optionError(inv, prog, days.error) };
  if (inv.ctx.state.now + days.value * 86_400_000 > MAX_SIMULATED_TIME) return { exit: 1 };
  return days.value;
}

/** `openssl genrsa -out FILE [numbits]` (OpenSSL 3.0 wording for bad numbits and options). */
export function genrsa(inv: Invocation, args: readonly string[]): number {
  const out = opt(args, '-out');
  const rest = args.filter((a, i) => a !== '-out' && args[i - 1] !== '-out');
  const unknown = rest.find((a) => a.startsWith('-') && a !== '-');
  if (unknown !== undefined) {
    // genrsa takes any other -NAME as a cipher to encrypt the key with (opt_cipher).
    inv.io.err(`genrsa: Unknown cipher: ${unknown.slice(1)}`);
    inv.io.err(
      `${TID}:error:0308010C:digital envelope routines:inner_evp_generic_fetch:unsupported:../crypto/evp/evp_fetch.c:386:Global default library context, Algorithm (${unknown.slice(1)} : 0), Properties (<null>)`,
    );
    return 1;
  }
  if (rest.length > 1) return optionError(inv, 'genrsa', 'Extra arguments given.');
  if (rest[0] !== undefined) {
    const bits = opensslInt('genrsa', rest[0], 'numbits', false);
    if ('error' in bits) return optionError(inv, 'genrsa', bits.error);
    if (bits.value < 512) {
      inv.io.err('Error setting RSA length');
      inv.io.err(
        `${TID}:error:1C8000AB:Provider routines:rsa_gen_set_params:key size too small:../providers/implementations/keymgmt/rsa_kmgmt.c:509:`,
      );
      return 1;
    }
  }
  if (out === undefined) {
    // Without -out the key goes to stdout; kubelife only supports writing it to a file.
    inv.io.err('kubelife: openssl genrsa: use -out FILE');
    return 1;
  }
  return run(inv, { op: 'genrsa', out: absolutePath(inv, out) });
}

/** `openssl req -new [-x509] -key KEY -subj SUBJ [-days N] -out FILE`. */
export function req(inv: Invocation, args: readonly string[]): number {
  const key = opt(args, '-key');
  const out = opt(args, '-out');
  const subjText = opt(args, '-subj');
  if (key === undefined || out === undefined || subjText === undefined) {
    inv.io.err('kubelife: openssl req: use -new -key KEY -subj "/CN=…" -out FILE [-x509 -days N]');
    return 1;
  }
  if (!exists(inv, key)) return noKey(inv, key);
  const subject = parseSubj(subjText);
  if (!subject) return badSubj(inv, subjText);
  if (args.includes('-x509')) {
    const days = daysOption(inv, 'req', args);
    if (typeof days !== 'number') return days.exit;
    return run(inv, {
      op: 'req-x509',
      key: absolutePath(inv, key),
      out: absolutePath(inv, out),
      subject,
      days,
    });
  }
  return run(inv, {
    op: 'req-csr',
    key: absolutePath(inv, key),
    out: absolutePath(inv, out),
    subject,
  });
}

/** `openssl x509 -req -in CSR -CA CRT -CAkey KEY [-CAcreateserial] -out OUT [-days N]`. */
export function x509Req(inv: Invocation, args: readonly string[]): number {
  const csr = opt(args, '-in');
  const ca = opt(args, '-CA');
  const caKey = opt(args, '-CAkey');
  const out = opt(args, '-out');
  if (csr === undefined || ca === undefined || caKey === undefined || out === undefined) {
    inv.io.err('kubelife: openssl x509 -req: use -in CSR -CA CRT -CAkey KEY -out FILE [-days N]');
    return 1;
  }
  if (!exists(inv, csr)) {
    inv.io.err(`Can't open "${csr}" for reading, No such file or directory`);
    inv.io.err(
      `${TID}:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${csr}, r)`,
    );
    inv.io.err(
      `${TID}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:`,
    );
    inv.io.err('Unable to load certificate request input');
    return 1;
  }
  if (!exists(inv, caKey)) return noKey(inv, caKey);
  const subject = findMachine(inv.ctx.state, inv.machine)?.certs[absolutePath(inv, csr)]?.subject;
  const days = daysOption(inv, 'x509', args);
  if (typeof days !== 'number') return days.exit;
  const code = run(inv, {
    op: 'x509-req',
    csr: absolutePath(inv, csr),
    ca: absolutePath(inv, ca),
    caKey: absolutePath(inv, caKey),
    out: absolutePath(inv, out),
    days,
    createSerial: args.includes('-CAcreateserial'),
  });
  if (code !== 0 || !subject) return code;
  const parts = [`CN = ${subject.commonName}`, ...subject.organizations.map((o) => `O = ${o}`)];
  inv.io.err('Certificate request self-signature ok');
  inv.io.err(`subject=${parts.join(', ')}`);
  return 0;
}
