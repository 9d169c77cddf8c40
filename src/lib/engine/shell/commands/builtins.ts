/**
 * Small utilities that are programs on a real machine: hostname, id, whoami, env, ssh (an
 * interactive login; `ssh HOST CMD` runs in the interpreter), help. bash's own builtins (cd, echo,
 * export, exit, …) live in ../bash/builtins.ts.
 */
import { EngineError } from '../../src/index.ts';
import type { CommandModule } from '../types.ts';
import { registry } from '../registry.ts';
import { findMachine, findMachineBy } from '../../src/index.ts';
import { builtins } from '../bash/builtins.ts';

export const hostname: CommandModule = {
  name: 'hostname',
  summary: "show the system's host name",
  run: ({ args, io, machine, ctx }) => {
    if (args[0] === '-I' || args[0] === '-i') {
      io.out(`${findMachine(ctx.state, machine)?.ip ?? ''}${args[0] === '-I' ? ' ' : ''}`);
      return 0;
    }
    io.out(machine);
    return 0;
  },
};

export const id: CommandModule = {
  name: 'id',
  summary: 'print user and group ids',
  run: ({ args, io }) => {
    if (args.includes('-u') || args.includes('-g')) io.out('0');
    else if (args.includes('-un') || args.includes('-gn')) io.out('root');
    else io.out('uid=0(root) gid=0(root) groups=0(root)');
    return 0;
  },
};

export const whoami: CommandModule = {
  name: 'whoami',
  summary: 'print effective user name',
  run: ({ io }) => (io.out('root'), 0),
};

export const env: CommandModule = {
  name: 'env',
  summary: 'print the environment',
  run: ({ ctx, io }) => {
    for (const [k, v] of Object.entries(ctx.env).sort()) io.out(`${k}=${v}`);
    return 0;
  },
};

export const ssh: CommandModule = {
  name: 'ssh',
  summary: 'log into another machine (ssh MACHINE)',
  run: ({ args, ctx, io }) => {
    const target = args.filter((a) => !a.startsWith('-')).at(0);
    if (!target) {
      io.err(
        'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]',
      );
      return 255;
    }
    const host = target.replace(/^[^@]*@/, '');
    const m = findMachine(ctx.state, host) ?? findMachineBy(ctx.state, (x) => x.ip === host);
    if (!m) {
      io.err(new EngineError('NoSuchMachine', { machine: host }).message);
      return 255;
    }
    ctx.machineStack.push(m.name);
    return 0;
  },
};

export const help: CommandModule = {
  name: 'help',
  summary: 'list the commands this simulated machine understands',
  run: ({ io, ctx, machine }) => {
    const m = findMachine(ctx.state, machine);
    const mods = [...registry.values()].filter(
      (x) => !x.requiresPackage || m?.packages[x.requiresPackage],
    );
    const width = Math.max(...mods.map((x) => x.name.length)) + 2;
    io.out('kubelife simulated shell. Available commands:');
    io.out('');
    for (const x of mods.sort((a, b) => (a.name < b.name ? -1 : 1)))
      io.out(`  ${x.name.padEnd(width)}${x.summary}`);
    io.out('');
    io.out(`Shell builtins: ${[...builtins.keys()].sort().join(' ')}`);
    io.out(
      'bash syntax: pipelines, && ||, if/for/while/until/case, functions, arrays, $((…)), ${x…} expansions, globs, redirections, here-documents.',
    );
    return 0;
  },
};
