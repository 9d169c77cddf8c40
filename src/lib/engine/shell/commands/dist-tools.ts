/**
 * Distribution tools the upgrade guides use: `apt-cache madison|policy` over the pkgs.k8s.io
 * repository a machine indexed (one repository per minor), and `tee` for writing the apt source
 * (`echo 'deb […] https://pkgs.k8s.io/core:/stable:/v1.37/deb/ /' | sudo tee …`).
 */
import { DEFAULT_PACKAGE_REVISION, indexedMinor, repositoryVersions } from '../../src/index.ts';
import type { CommandModule } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';

const KUBE = ['kubeadm', 'kubelet', 'kubectl'];

/** A right-aligned field of width 10, as apt's madison prints with setw(10). */
const w10 = (s: string): string => s.padStart(10);

export const aptCache: CommandModule = {
  name: 'apt-cache',
  summary: 'query the APT package cache (madison, policy)',
  run: (inv) => {
    const [sub, ...pkgs] = inv.args.filter((a) => !a.startsWith('-'));
    const m = findMachine(inv.ctx.state, inv.machine);
    const minor = m ? indexedMinor(m) : null;
    const versions =
      minor !== null && minor !== 'none' ? [...repositoryVersions(minor)].reverse() : [];
    const uri = `https://pkgs.k8s.io/core:/stable:/${minor ?? ''}/deb`;
    if (sub === 'madison') {
      for (const name of pkgs) {
        if (!KUBE.includes(name) || versions.length === 0) {
          inv.io.err(`N: Unable to locate package ${name}`);
          continue;
        }
        for (const v of versions)
          inv.io.out(
            `${w10(name)} | ${w10(`${v}-${DEFAULT_PACKAGE_REVISION}`)} | ${uri}  Packages`,
          );
      }
      return 0;
    }
    if (sub === 'policy') {
      for (const name of pkgs) {
        if (!KUBE.includes(name) || versions.length === 0) {
          inv.io.err(`N: Unable to locate package ${name}`);
          continue;
        }
        const installed = m?.packages[name as 'kubeadm'];
        const inst = installed ? `${installed.version}-${installed.revision}` : '(none)';
        const candidate = `${versions[0] ?? ''}-${DEFAULT_PACKAGE_REVISION}`;
        inv.io.out(`${name}:\n  Installed: ${inst}\n  Candidate: ${candidate}\n  Version table:`);
        for (const v of versions) {
          const deb = `${v}-${DEFAULT_PACKAGE_REVISION}`;
          inv.io.out(`${deb === inst ? ' *** ' : '     '}${deb} 500\n        500 ${uri}  Packages`);
          if (deb === inst) inv.io.out('        100 /var/lib/dpkg/status');
        }
      }
      return 0;
    }
    inv.io.err(sub === undefined ? 'E: No packages found' : `E: Invalid operation ${sub}`);
    return 100;
  },
};

export const tee: CommandModule = {
  name: 'tee',
  summary: 'copy standard input to files and standard output',
  run: (inv) => {
    const append = inv.args.includes('-a') || inv.args.includes('--append');
    const files = inv.args.filter((a) => !a.startsWith('-'));
    const input = inv.stdin ?? '';
    let code = 0;
    for (const f of files) {
      const path = absolutePath(inv, f);
      const prev = append ? (findMachine(inv.ctx.state, inv.machine)?.files[path] ?? '') : '';
      const t = inv.apply({
        type: 'file.write',
        machine: inv.machine,
        path,
        content: prev + input,
      });
      if (!t.ok) {
        inv.io.err(`tee: ${f}: No such file or directory`);
        code = 1;
      }
    }
    if (input !== '') inv.io.out(input.replace(/\n$/, ''));
    return code;
  },
};
