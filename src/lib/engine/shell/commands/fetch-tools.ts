/**
 * `curl` and `gpg --dearmor`, as the install docs use them to add the pkgs.k8s.io signing key:
 * `curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.37/deb/Release.key | gpg --dearmor -o …`
 * (kubernetes/website install-kubeadm.md). The simulated machines are offline: curl knows only
 * the URLs the guides fetch (Release.key of a minor in the release catalog); anything else fails
 * the way curl fails without DNS.
 */
import { KEYRING_CONTENT, RELEASE_KEY_ARMORED, releaseKeyMinor } from '../../src/index.ts';
import type { CommandModule } from '../types.ts';
import { absolutePath } from '../paths.ts';

export const curl: CommandModule = {
  name: 'curl',
  summary: 'transfer a URL (the pkgs.k8s.io Release.key; the machines are otherwise offline)',
  run: (inv) => {
    const url = inv.args.find((a) => !a.startsWith('-'));
    if (url === undefined) {
      inv.io.err("curl: try 'curl --help' or 'curl --manual' for more information");
      return 2;
    }
    if (releaseKeyMinor(url) !== null) {
      inv.io.out(RELEASE_KEY_ARMORED);
      return 0;
    }
    const host = /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1] ?? url;
    if (host === 'pkgs.k8s.io') {
      // A minor pkgs.k8s.io does not serve. The real CDN's answer is not verified here; -f turns
      // an HTTP error into curl's exit 22 with this message (curl lib/http.c).
      inv.io.err('curl: (22) The requested URL returned error: 404');
      return 22;
    }
    // libcurl CURLE_COULDNT_RESOLVE_HOST (6), as curl prints it even with -s when -S is given.
    inv.io.err(`curl: (6) Could not resolve host: ${host}`);
    return 6;
  },
};

export const gpg: CommandModule = {
  name: 'gpg',
  summary: 'OpenPGP tool (gpg --dearmor -o FILE: turn an armored key into a keyring)',
  run: (inv) => {
    const args = inv.args;
    if (!args.includes('--dearmor')) {
      inv.io.err('gpg: the simulation supports only --dearmor');
      return 2;
    }
    const o = args.findIndex((a) => a === '-o' || a === '--output');
    const target = o >= 0 ? args[o + 1] : undefined;
    const input = inv.stdin ?? '';
    // gpg --dearmor of the armored key gives the binary keyring; empty input (a failed curl)
    // gives an empty file, which apt later rejects with NO_PUBKEY.
    const content = input.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----') ? KEYRING_CONTENT : '';
    if (target === undefined) {
      if (content !== '') inv.io.out(content.replace(/\n$/, ''));
      return 0;
    }
    const path = absolutePath(inv, target);
    // Real gpg asks before overwriting an existing file (or fails without a terminal); the
    // simulation overwrites, as `gpg --yes` does.
    const t = inv.apply({ type: 'file.write', machine: inv.machine, path, content });
    if (!t.ok) {
      inv.io.err(`gpg: can't create '${target}': No such file or directory`);
      inv.io.err(`gpg: dearmoring failed: No such file or directory`);
      return 2;
    }
    return 0;
  },
};
