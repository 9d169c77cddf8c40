// The simulated machines as Ubuntu 24.04 shows them: os-release (base-files), DMI product UUID,
// uname (coreutils), ip (iproute2), sysctl --system (procps-ng 4: sysctl.c PreloadSystem sorts the
// *.conf files of /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d and
// /lib/sysctl.d by name, applies /etc/sysctl.conf last, then prints what it wrote), modprobe/lsmod.
// kubernetes.io pages: install-kubeadm.md ("Verify the MAC address and product_uuid"),
// container-runtimes.md ("Enable IPv4 packet forwarding").
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const K8S_CONF = 'cat <<EOF | sudo tee /etc/sysctl.d/k8s.conf\nnet.ipv4.ip_forward = 1\nEOF';

describe('the machine as Ubuntu 24.04 shows it', () => {
  it('names the same OS and kernel in os-release, uname and kubectl get nodes -o wide', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const osRelease = (await s.run('cat /etc/os-release')).stdout;
    const kernel = (await s.run('uname -r')).stdout.trim();
    const wide = (await s.run('kubectl get nodes -o wide')).stdout;

    expect(osRelease).toMatch(/^PRETTY_NAME="Ubuntu 24\.04\.3 LTS"\n/);
    expect(osRelease).toContain('VERSION_CODENAME=noble\n');
    expect(wide).toContain('Ubuntu 24.04.3 LTS');
    expect(wide).toContain(kernel);
    expect((await s.run('uname -a')).stdout).toBe(
      `Linux cp-1 ${kernel} #89-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 01:02:46 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n`,
    );
    expect((await s.run('uname -m -s')).stdout).toBe('Linux x86_64\n');
  });

  it('gives every machine its own product_uuid and MAC address', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const uuid1 = (await s.run('sudo cat /sys/class/dmi/id/product_uuid')).stdout;
    const link1 = (await s.run('ip link')).stdout;
    await s.run('ssh worker-1');
    const uuid2 = (await s.run('sudo cat /sys/class/dmi/id/product_uuid')).stdout;
    const link2 = (await s.run('ip link')).stdout;

    expect(uuid1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/);
    expect(uuid2).not.toBe(uuid1);
    const mac = (t: string): string => /link\/ether (\S+)/.exec(t)?.[1] ?? '';
    expect(mac(link1)).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(mac(link2)).not.toBe(mac(link1));
    expect(link1).toMatch(
      /^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT/,
    );
  });

  it('shows the address and routes of the machine with ip addr and ip route', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const addr = (await s.run('ip a')).stdout;
    const route = (await s.run('ip route')).stdout;

    expect(addr).toContain('    inet 10.0.0.11/24 brd 10.0.0.255 scope global enp1s0\n');
    expect(route).toBe(
      'default via 10.0.0.1 dev enp1s0 proto static \n10.0.0.0/24 dev enp1s0 proto kernel scope link src 10.0.0.11 \n',
    );
    expect((await s.run('hostname -I')).stdout).toBe('10.0.0.11 \n');
  });

  it('applies /etc/sysctl.d/k8s.conf with sysctl --system as procps 4 prints it', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const tee = await s.run(K8S_CONF);
    const system = await s.run('sudo sysctl --system');

    expect(tee).toMatchObject({ exitCode: 0, stdout: 'net.ipv4.ip_forward = 1\n' });
    const lines = system.stdout.split('\n');
    const applying = lines.filter((l) => l.startsWith('* Applying'));
    expect(applying.at(0)).toBe('* Applying /usr/lib/sysctl.d/10-apparmor.conf ...');
    expect(applying.slice(-3)).toEqual([
      '* Applying /etc/sysctl.d/99-sysctl.conf ...',
      '* Applying /etc/sysctl.d/k8s.conf ...',
      '* Applying /etc/sysctl.conf ...',
    ]);
    // Every "Applying" line comes first, then the settings in file order.
    expect(lines.findIndex((l) => !l.startsWith('*'))).toBe(applying.length);
    expect(system.stdout).toContain('kernel.printk = 4 4 1 7\n');
    expect(system.stdout.endsWith('net.ipv4.ip_forward = 1\n')).toBe(true);
    expect((await s.run('sysctl net.ipv4.ip_forward')).stdout).toBe('net.ipv4.ip_forward = 1\n');
    expect((await s.run('cat /proc/sys/net/ipv4/ip_forward')).stdout).toBe('1\n');
  });

  it('lets kubeadm init pass its ip_forward preflight once k8s.conf is applied', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await s.run('sysctl -w net.ipv4.ip_forward=0');
    const refused = await s.run('kubeadm init');

    await s.run(K8S_CONF);
    await s.run('sudo sysctl --system');
    const init = await s.run('kubeadm init');

    expect(refused.output).toContain('[ERROR FileContent--proc-sys-net-ipv4-ip_forward]');
    expect(init.exitCode).toBe(0);
  });

  it('skips bridge keys until br_netfilter is loaded, as sysctl --system does', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run(
      'cat <<EOF | sudo tee /etc/sysctl.d/k8s.conf\nnet.bridge.bridge-nf-call-iptables = 1\nEOF',
    );

    const before = await s.run('sudo sysctl --system');
    const missing = await s.run('sysctl net.bridge.bridge-nf-call-iptables');
    await s.run('sudo modprobe br_netfilter');
    const after = await s.run('sudo sysctl --system');
    const lsmod = (await s.run('lsmod')).stdout;

    expect(before.stdout).not.toContain('net.bridge');
    expect(missing).toMatchObject({
      exitCode: 255,
      stderr:
        'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n',
    });
    expect(after.stdout.endsWith('net.bridge.bridge-nf-call-iptables = 1\n')).toBe(true);
    expect(lsmod).toBe(
      [
        'Module                  Size  Used by',
        'br_netfilter           32768  0',
        'bridge                421888  1 br_netfilter',
        'stp                    12288  1 bridge',
        'llc                    16384  2 bridge,stp',
        'overlay               212992  0',
        '',
      ].join('\n'),
    );
  });

  it('rejects a module the kernel does not ship', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const r = await s.run('modprobe nosuchmod');

    expect(r).toMatchObject({
      exitCode: 1,
      stderr:
        'modprobe: FATAL: Module nosuchmod not found in directory /lib/modules/6.8.0-88-generic\n',
    });
  });

  it('finds programs with which and fails for shell builtins and missing packages', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const before = await s.run('which kubeadm');
    const ip = await s.run('which ip sysctl curl');
    const builtin = await s.run('which cd');

    expect(before).toMatchObject({ exitCode: 1, stdout: '' });
    expect(ip).toMatchObject({
      exitCode: 0,
      stdout: '/usr/sbin/ip\n/usr/sbin/sysctl\n/usr/bin/curl\n',
    });
    expect(builtin.exitCode).toBe(1);
  });
});
