/**
 * `scp [options] SOURCE... TARGET` between the simulated machines (`cp-1:/etc/kubernetes/pki/ca.crt`,
 * `root@10.0.0.11:`). Quiet like scp without a terminal (no progress meter). Messages follow
 * OpenSSH 9.6 (Ubuntu 24.04), which copies over SFTP: `scp: stat local "…": No such file or
 * directory`; the exact remote-side wording is an assumption where noted.
 */
import {
  findMachine,
  findMachineBy,
  isDirectory,
  normalizePath,
  type Machine,
} from '../../src/index.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';

const USAGE = [
  'usage: scp [-346ABCOpqRrsTv] [-c cipher] [-D sftp_server_path] [-F ssh_config]',
  '           [-i identity_file] [-J destination] [-l limit] [-o ssh_option]',
  '           [-P port] [-S program] [-X sftp_option] source ... target',
];

interface Place {
  readonly machine: Machine;
  readonly path: string;
  readonly spec: string;
}

function locate(inv: Invocation, spec: string): Place | string {
  const remote = /^(?:([^@/:]+)@)?([^:/]+):(.*)$/.exec(spec);
  if (!remote) {
    const m = findMachine(inv.ctx.state, inv.machine);
    return m ? { machine: m, path: absolutePath(inv, spec), spec } : spec;
  }
  const host = remote[2] ?? '';
  const m = findMachine(inv.ctx.state, host) ?? findMachineBy(inv.ctx.state, (x) => x.ip === host);
  if (!m) return host;
  // A relative remote path is relative to the remote user's home: root's is /root, an
  // account's /home/NAME (Ubuntu's cloud images have the `ubuntu` account); no user@ means
  // the same user as here.
  const user = remote[1];
  const home =
    user === undefined
      ? (inv.ctx.env['HOME'] ?? '/root')
      : user === 'root'
        ? '/root'
        : `/home/${user}`;
  const raw = remote[3] ?? '';
  const path = normalizePath(raw.startsWith('/') ? raw : `${home}/${raw}`);
  return { machine: m, path, spec };
}

export const scp: CommandModule = {
  name: 'scp',
  summary: 'copy files between the simulated machines (scp SRC HOST:DEST)',
  run(inv) {
    const operands: string[] = [];
    for (let i = 0; i < inv.args.length; i++) {
      const a = inv.args[i] ?? '';
      if (/^-[cDFiJloPSX]$/.test(a)) i++;
      else if (!a.startsWith('-')) operands.push(a);
    }
    if (operands.length < 2) {
      for (const line of USAGE) inv.io.err(line);
      return 1;
    }
    const targetSpec = operands.pop() ?? '';
    const target = locate(inv, targetSpec);
    if (typeof target === 'string') {
      inv.io.err(`ssh: Could not resolve hostname ${target}: Name or service not known`);
      inv.io.err('scp: Connection closed');
      return 255;
    }
    let status = 0;
    for (const spec of operands) {
      const src = locate(inv, spec);
      if (typeof src === 'string') {
        inv.io.err(`ssh: Could not resolve hostname ${src}: Name or service not known`);
        inv.io.err('scp: Connection closed');
        return 255;
      }
      const content = src.machine.files[src.path];
      if (content === undefined) {
        const local = !/^[^/]*:/.test(spec);
        // Remote wording (`scp: PATH: No such file or directory`) is OpenSSH's sftp-client text.
        inv.io.err(
          local
            ? `scp: stat local "${src.path}": No such file or directory`
            : `scp: ${src.path}: No such file or directory`,
        );
        status = 1;
        continue;
      }
      const dest = isDirectory(target.machine, target.path)
        ? `${target.path === '/' ? '' : target.path}/${src.path.slice(src.path.lastIndexOf('/') + 1)}`
        : target.path;
      // Certificate and key files keep their records on the other machine (file.copy).
      const t = inv.apply({
        type: 'file.copy',
        machine: src.machine.name,
        from: src.path,
        to: dest,
        toMachine: target.machine.name,
      });
      if (!t.ok) {
        inv.io.err(`scp: dest open "${dest}": No such file or directory`);
        status = 1;
      }
    }
    return status;
  },
};
