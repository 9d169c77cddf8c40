/**
 * Issue 14, defect 3 and 8: numbers the user types are parsed once and range-checked with the
 * real tool's words, and an out-of-range value never poisons the session. The expected texts
 * were printed by the real tools (GNU coreutils 9.1, bash 5.2, OpenSSL 3.0.19) or come from
 * upstream source: Go src/time/format.go ParseDuration, spf13/pflag flag.go, etcd etcdutl/ctl.go.
 */
import { describe, expect, it } from 'vitest';
import { createSession, findMachine } from 'kubelife';

describe('kubeadm token --ttl (Go time.ParseDuration through pflag)', () => {
  it('rejects a unit Go does not know, with pflag and Go wording', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubeadm token create --ttl 1y');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: invalid argument "1y" for "--ttl" flag: time: unknown unit "y" in duration "1y"\nTo see the stack trace of this error execute with --v=5 or higher\n',
    );
  });

  it('rejects a TTL past int64 nanoseconds and keeps token list working', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const create = await s.run('kubeadm token create --ttl 999999999999999999999999999999h');
    const list = await s.run('kubeadm token list');

    expect(create.stderr).toContain('time: invalid duration "999999999999999999999999999999h"');
    expect(list.exitCode).toBe(0);
    expect(list.output).not.toContain('internal error');
  });

  it('accepts the largest Go duration and refuses one hour more', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const max = await s.run('kubeadm token create --ttl 2562047h');
    const over = await s.run('kubeadm token create --ttl 2562048h');

    expect(max.exitCode).toBe(0);
    expect(over.stderr).toContain('time: invalid duration "2562048h"');
  });

  it('quotes non-ASCII input the way Go does', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubeadm token create --ttl 5é');

    expect(r.stderr).toContain('time: unknown unit "\\xc3\\xa9" in duration "5\\xc3\\xa9"');
  });
});

describe('kubeadm init --config with a bootstrap token ttl', () => {
  it('refuses a ttl Go cannot hold instead of storing a time no clock can show', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await s.run(`cat > /root/cfg.yaml <<EOT
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
bootstrapTokens:
- token: abcdef.0123456789abcdef
  ttl: 99999999999999999999999h
EOT`);

    const init = await s.run('kubeadm init --config /root/cfg.yaml --ignore-preflight-errors=all');
    const clock = await s.run('kubelife clock');

    expect(init.stderr).toContain('time: invalid duration "99999999999999999999999h"');
    expect(clock.exitCode).toBe(0);
  });
});

describe('head and tail -n', () => {
  it('rejects a count that is not a number', async () => {
    const s = createSession();

    const head = await s.run('echo x | head -n abc');
    const tail = await s.run('echo x | tail -n abc');

    expect(head).toMatchObject({ exitCode: 1, stderr: 'head: invalid number of lines: ‘abc’\n' });
    expect(tail).toMatchObject({ exitCode: 1, stderr: 'tail: invalid number of lines: ‘abc’\n' });
  });

  it('rejects a count beyond 64 bits as GNU does', async () => {
    const s = createSession();

    const r = await s.run('echo x | head -n 99999999999999999999999');

    expect(r.stderr).toBe(
      'head: invalid number of lines: ‘99999999999999999999999’: Value too large for defined data type\n',
    );
  });

  it('keeps head -n -N (all but the last N) and tail -n +N (from line N)', async () => {
    const s = createSession();

    const head = await s.run('kubelife scenarios | head -n -1');
    const all = await s.run('kubelife scenarios');
    const tail = await s.run('kubelife scenarios | tail -n +2');

    const lines = all.stdout.split('\n').filter(Boolean);
    expect(head.stdout).toBe(
      lines
        .slice(0, -1)
        .map((l) => `${l}\n`)
        .join(''),
    );
    expect(tail.stdout).toBe(
      lines
        .slice(1)
        .map((l) => `${l}\n`)
        .join(''),
    );
  });
});

describe('exit', () => {
  it('exits with the status modulo 256', async () => {
    const s = createSession();

    const r = await s.run('exit 999');

    expect(r.exitCode).toBe(231);
  });

  it('rejects a non-numeric status with bash wording and status 2', async () => {
    const s = createSession();

    const r = await s.run('exit abc');

    expect(r).toMatchObject({
      exitCode: 2,
      stderr: 'bash: exit: abc: numeric argument required\n',
    });
  });

  it('refuses more than one argument without exiting', async () => {
    const s = createSession();

    const r = await s.run('exit 1 2');

    expect(r).toMatchObject({ exitCode: 1, stderr: 'bash: exit: too many arguments\n' });
    expect(s.exited).toBe(false);
  });
});

describe('openssl numbers', () => {
  it('reads genrsa -Infinity as an unknown cipher, as OpenSSL does', async () => {
    const s = createSession();

    const r = await s.run('openssl genrsa -out x.key -Infinity');

    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('genrsa: Unknown cipher: Infinity');
  });

  it('rejects numbits that are not a C int, and keys below 512 bits', async () => {
    const s = createSession();

    const word = await s.run('openssl genrsa -out x.key abc');
    const huge = await s.run('openssl genrsa -out x.key 99999999999999999999');
    const small = await s.run('openssl genrsa -out x.key 100');

    expect(word.stderr).toBe(
      'genrsa: Can\'t parse "abc" as a number\ngenrsa: Use -help for summary.\n',
    );
    expect(huge.stderr).toBe(
      'genrsa: Can\'t parse "99999999999999999999" as a number\ngenrsa: Use -help for summary.\n',
    );
    expect(small.stderr.split('\n')[0]).toBe('Error setting RSA length');
    expect(findMachine(s.save().state, 'cp-1')?.files['/root/x.key']).toBeUndefined();
  });

  it('rejects -days that are not positive, out of int range, or past year 9999', async () => {
    const s = createSession();
    await s.run('openssl genrsa -out ca.key 2048');
    const req = (days: string) =>
      s.run(`openssl req -new -x509 -key ca.key -subj /CN=a -days ${days} -out ca.crt`);

    const negative = await req('-5');
    const range = await req('99999999999');
    const far = await req('9999999');

    expect(negative.stderr).toBe(
      'req: Non-positive number "-5" for option -days\nreq: Use -help for summary.\n',
    );
    expect(range.stderr).toBe(
      'req: Value "99999999999" outside integer range\nreq: Use -help for summary.\n',
    );
    expect(far).toMatchObject({ exitCode: 1, output: '' });
  });
});

describe('etcdutl --help', () => {
  it('prints cobra usage instead of an unknown-command error', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('etcdutl --help');

    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Usage:', '  etcdutl [command]']);
    expect(r.stdout).toContain('  snapshot    Manages etcd node snapshots\n');
  });
});
