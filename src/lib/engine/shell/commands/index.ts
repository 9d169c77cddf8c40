/**
 * Registers every command module.
 */
import { register } from '../registry.ts';
import { hostname, id, whoami, env, ssh, help } from './builtins.ts';
import { ls, cat, mkdir, cp, mv, rm, chown, chmod, head, tail } from './files.ts';
import { grep } from './grep.ts';
import { aptGet, apt, aptMark, swapoff, swapon, systemctl, kubelet } from './system.ts';
import { sysctl } from './sysctl.ts';
import { kubeadm } from './kubeadm.ts';
import { kubectl } from './kubectl.ts';
import { kubelife } from './kubelife.ts';

register(hostname, id, whoami, env, ssh, help);
register(ls, cat, mkdir, cp, mv, rm, chown, chmod, grep, head, tail);
register(aptGet, apt, aptMark, swapoff, swapon, sysctl, systemctl, kubelet);
register(kubeadm, kubectl, kubelife);
import { etcdctl, etcdutl } from './etcdctl.ts';
import { sed } from './sed.ts';
register(etcdctl, etcdutl, sed);
import { openssl, base64Cmd } from './pki-tools.ts';
import { awk } from './awk.ts';
register(openssl, base64Cmd, awk);
import { aptCache, tee } from './dist-tools.ts';
register(aptCache, tee);
import { iptables, iptablesSave, ipvsadm, sonobuoy } from './teardown-tools.ts';
register(iptables, iptablesSave, ipvsadm, sonobuoy);
import { curl, gpg } from './fetch-tools.ts';
register(curl, gpg);
import { sleep } from './sleep.ts';
import { scp } from './scp.ts';
register(sleep, scp);
import { uname, ip, modprobe, lsmod, which, man } from './os-tools.ts';
import { nc, ss } from './net-tools.ts';
import { journalctl } from './journalctl.ts';
register(uname, ip, modprobe, lsmod, which, man, nc, ss, journalctl);
// `pager FILE` (change-package-repository.md): Debian's pager alternative (less) shows the file.
register({ ...cat, name: 'pager', summary: 'view a file page by page (shows it whole here)' });
import { crictl } from './crictl.ts';
register(crictl);
import { containerd } from './containerd.ts';
register(containerd);
