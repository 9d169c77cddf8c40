// containerd 1.7.28 as kubernetes.io's container-runtimes page uses it ("Configuring the systemd
// cgroup driver": `containerd config default > /etc/containerd/config.toml`, then the
// SystemdCgroup edit). Texts come from the real binary (Debian trixie's containerd 1.7.24 run on
// this machine; see shell/commands/containerd-default-config.ts for the three lines 1.7.28 on
// Ubuntu prints differently), help and usage from urfave/cli v1 as containerd 1.7 wires it
// (cmd/containerd/command/main.go, config.go at v1.7.28).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('containerd on the simulated Ubuntu machine', () => {
  it('prints the 1.7 default config with the cgroupfs driver and pause:3.8, as the page expects to edit', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const r = await s.run('containerd config default');

    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('disabled_plugins = []\nimports = []\noom_score = 0\n')).toBe(true);
    expect(r.stdout.match(/^\s*SystemdCgroup = false$/gm)).toHaveLength(1);
    expect(r.stdout).toContain('    sandbox_image = "registry.k8s.io/pause:3.8"\n');
    expect(r.stdout).toContain('      bin_dir = "/opt/cni/bin"\n');
    expect(r.stdout.endsWith('[ttrpc]\n  address = ""\n  gid = 0\n  uid = 0\n')).toBe(true);
    expect(r.stdout.split('\n')).toHaveLength(293);
  });

  it('follows the page: write the default, switch SystemdCgroup on with sed, restart, and dump shows the result', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    await s.run('sudo mkdir -p /etc/containerd');
    const write = await s.run(
      'containerd config default | sudo tee /etc/containerd/config.toml >/dev/null',
    );
    const edit = await s.run(
      "sudo sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml",
    );
    const restart = await s.run('sudo systemctl restart containerd');
    const grep = await s.run('grep SystemdCgroup /etc/containerd/config.toml');
    const dump = await s.run('containerd config dump');

    expect([write.exitCode, edit.exitCode, restart.exitCode]).toEqual([0, 0, 0]);
    expect(grep.stdout).toBe('            SystemdCgroup = true\n');
    expect(dump.stdout).toContain('            SystemdCgroup = true\n');
    expect(dump.stdout).not.toContain('SystemdCgroup = false');
    expect(dump.stdout.split('\n')).toHaveLength(293);
  });

  it('puts a minimal config file over the defaults in config dump, key by key in its own table', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run(
      `printf '%s\\n' 'version = 2' '[plugins."io.containerd.grpc.v1.cri"]' '  sandbox_image = "registry.k8s.io/pause:3.10"' > /etc/containerd/config.toml`,
    );

    const dump = (await s.run('containerd config dump')).stdout;

    expect(dump).toContain('    sandbox_image = "registry.k8s.io/pause:3.10"\n');
    expect(dump).toContain('            SystemdCgroup = false\n');
  });

  it('prints its version the way Ubuntu builds it, with no revision after the version', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    expect((await s.run('containerd --version')).stdout).toBe(
      'containerd github.com/containerd/containerd 1.7.28 \n',
    );
    expect((await s.run('containerd -v')).exitCode).toBe(0);
  });

  it('answers help, unknown topics and undefined flags as urfave/cli does', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const help = await s.run('containerd config');
    const topic = await s.run('containerd config bogus');
    const flag = await s.run('containerd config --bogus');
    const leafFlag = await s.run('containerd config default --zz');
    const leafHelp = await s.run('containerd config default --help');

    expect(help.stdout).toContain(
      'COMMANDS:\n   default  See the output of the default config\n   dump     See the output of the final main config with imported in subconfig files\n',
    );
    expect([topic.exitCode, topic.stderr]).toEqual([3, "No help topic for 'bogus'\n"]);
    expect(flag.exitCode).toBe(1);
    expect(
      flag.stdout.startsWith('Incorrect Usage. flag provided but not defined: -bogus\n\nNAME:\n'),
    ).toBe(true);
    expect(flag.stderr).toBe('containerd: flag provided but not defined: -bogus\n');
    expect(leafFlag.stdout).toBe(
      'Incorrect Usage: flag provided but not defined: -zz\n\nNAME:\n   containerd config default - See the output of the default config\n\nUSAGE:\n   containerd config default [arguments...]\n',
    );
    expect(leafHelp.stdout).toBe(
      'NAME:\n   containerd config default - See the output of the default config\n\nUSAGE:\n   containerd config default [arguments...]\n',
    );
    expect((await s.run('containerd --help')).stdout).toContain('VERSION:\n   1.7.28\n');
  });
});
