/**
 * Shell builtins and small utilities: echo, hostname, id, whoami, export, unset, ssh, exit, help,
 * true, false, pwd, cd, env.
 */
import { EngineError } from '../../src/index.ts';
import type { CommandModule } from '../types.ts';
import { registry } from '../registry.ts';
import { findMachine, findMachineBy } from '../../src/index.ts';

export const echo: CommandModule = {
  name: 'echo',
  summary: 'display a line of text',
  run: ({ args, io }) => {
    const noNewline = args[0] === '-n';
    const text = (noNewline ? args.slice(1) : args).join(' ');
    io.out(text);
    return 0;
  },
};

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
export const trueCmd: CommandModule = {
  name: 'true',
  summary: 'do nothing, successfully',
  run: () => 0,
};
export const falseCmd: CommandModule = {
  name: 'false',
  summary: 'do nothing, unsuccessfully',
  run: () => 1,
};
export const pwd: CommandModule = {
  name: 'pwd',
  summary: 'print the current directory',
  run: ({ io, ctx }) => (io.out(ctx.env['HOME'] ?? '/root'), 0),
};
export const cd: CommandModule = {
  name: 'cd',
  summary: 'change directory (the simulated shell stays in $HOME)',
  run: () => 0,
};

export const exportCmd: CommandModule = {
  name: 'export',
  summary: 'set environment variables',
  run: ({ args, ctx, io }) => {
    if (args.length === 0) {
      for (const [k, v] of Object.entries(ctx.env).sort()) io.out(`declare -x ${k}="${v}"`);
      return 0;
    }
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) ctx.env[a.slice(0, eq)] = a.slice(eq + 1);
    }
    return 0;
  },
};

export const unset: CommandModule = {
  name: 'unset',
  summary: 'unset environment variables',
  run: ({ args, ctx }) => {
    for (const a of args) delete ctx.env[a];
    return 0;
  },
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

export const exit: CommandModule = {
  name: 'exit',
  summary: 'leave the current ssh session (or the shell)',
  run: ({ ctx, io }) => {
    if (ctx.machineStack.length > 1) {
      const left = ctx.machineStack.pop();
      io.out('logout');
      io.out(`Connection to ${left ?? ''} closed.`);
      return 0;
    }
    ctx.exitRequested = true;
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
    io.out('Operators: && || ; | > >>, quotes, $VAR, $(cmd), \\ line continuation, # comments.');
    return 0;
  },
};
