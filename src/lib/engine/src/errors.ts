/**
 * The engine's single error catalog. Every failure the engine can report is an entry here, so
 * wording, hints and exit codes live in one place and the shell never invents error text.
 */

/** Parameters passed to a catalog entry's message template. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** One catalog entry: a stable code, a short title, a message template, a hint and an exit code. */
export interface ErrorEntry {
  /** Short human title, e.g. "Invalid version". */
  readonly title: string;
  /** Builds the message the real tool would print, from the error's parameters. */
  readonly message: (params: ErrorParams) => string;
  /** Optional advice for readers of the docs; never printed where the real tool prints none. */
  readonly hint?: string;
  /** Process exit code the CLI and terminal report for this error. */
  readonly exitCode: number;
}

const str = (params: ErrorParams, key: string): string => String(params[key] ?? '');

/** All error codes the engine can raise, with their entries. */
export const errorCatalog = {
  InvalidVersion: {
    title: 'Invalid version',
    // Wording of k8s.io/apimachinery/pkg/util/version (parse): "illegal version string" for a
    // wrong number of dot-separated fields, "could not parse" for anything else.
    message: (p) =>
      p['reason'] === 'components'
        ? `illegal version string "${str(p, 'input')}"`
        : `could not parse "${str(p, 'input')}" as version`,
    hint: 'Kubernetes versions are semantic versions with exactly three numbers: vMAJOR.MINOR.PATCH[-pre][+build].',
    exitCode: 1,
  },
  UnknownCommand: {
    title: 'Unknown command',
    message: (p) => `${str(p, 'command')}: command not found`,
    exitCode: 127,
  },
  UnknownResourceType: {
    title: 'Unknown resource type',
    // kubectl's message when discovery has no such resource (cmd/get: NoResourceMatchError).
    message: (p) => `the server doesn't have a resource type "${str(p, 'resource')}"`,
    exitCode: 1,
  },
  ObjectAlreadyExists: {
    title: 'Object already exists',
    // apimachinery/pkg/api/errors NewAlreadyExists (the Status message, without kubectl's prefix).
    message: (p) => `${str(p, 'resource')} "${str(p, 'name')}" already exists`,
    exitCode: 1,
  },
  NamespaceMissing: {
    title: 'Namespace not found',
    // The namespace lifecycle admission plugin's NotFound for a create in a namespace that is not there.
    message: (p) => `namespaces "${str(p, 'namespace')}" not found`,
    exitCode: 1,
  },
  ObjectNotFound: {
    title: 'Object not found',
    // apimachinery/pkg/api/errors NewNotFound, as kubectl prints a Status of reason NotFound.
    message: (p) =>
      `Error from server (NotFound): ${str(p, 'resource')} "${str(p, 'name')}" not found`,
    exitCode: 1,
  },
  UsageError: {
    title: 'Usage error',
    message: (p) => str(p, 'message'),
    exitCode: 1,
  },
  UnknownFlag: {
    title: 'Unknown flag',
    // spf13/pflag wording, as cobra-based tools (kubeadm, kubectl) print it.
    message: (p) => `unknown flag: ${str(p, 'flag')}`,
    exitCode: 1,
  },
  UnknownShorthandFlag: {
    title: 'Unknown shorthand flag',
    message: (p) => `unknown shorthand flag: '${str(p, 'letter')}' in ${str(p, 'flag')}`,
    exitCode: 1,
  },
  FlagNeedsArgument: {
    title: 'Flag needs an argument',
    message: (p) => `flag needs an argument: ${str(p, 'flag')}`,
    exitCode: 1,
  },
  InvalidFlagValue: {
    title: 'Invalid flag value',
    // spf13/pflag's wording when a typed flag's value does not parse (flag.go failf).
    message: (p) =>
      `invalid argument "${str(p, 'value')}" for "${str(p, 'flag')}" flag: ${str(p, 'reason')}`,
    exitCode: 1,
  },
  ClockOutOfRange: {
    title: 'Clock out of range',
    message: (p) =>
      `the simulated clock cannot pass ${str(p, 'limit')} (Kubernetes writes times as RFC 3339, whose years end at 9999)`,
    hint: 'Advance the clock by less.',
    exitCode: 1,
  },
  InvalidDuration: {
    title: 'Invalid duration',
    message: (p) => `invalid duration "${str(p, 'input')}"`,
    hint: 'Use a number and a unit: 90s, 30m, 12h, 400d, 1y.',
    exitCode: 1,
  },
  InvalidTime: {
    title: 'Invalid time',
    message: (p) => `invalid time "${str(p, 'input')}"`,
    exitCode: 1,
  },
  NoSuchMachine: {
    title: 'No such machine',
    // OpenSSH's wording when a host name does not resolve.
    message: (p) =>
      `ssh: Could not resolve hostname ${str(p, 'machine')}: Name or service not known`,
    exitCode: 255,
  },
  NoSuchScenario: {
    title: 'No such scenario',
    message: (p) => `unknown scenario "${str(p, 'name')}"`,
    hint: 'Run `kubelife scenarios` to list them.',
    exitCode: 1,
  },
  NoSuchRelease: {
    title: 'No such release track',
    message: (p) =>
      `unknown Kubernetes release track "${str(p, 'release')}": choose one of ${str(p, 'tracks')}`,
    hint: 'A release track is one of the newest three Kubernetes minors, e.g. v1.36.',
    exitCode: 1,
  },
  UnknownTemplateVariable: {
    title: 'Unknown template variable',
    message: (p) => `unknown version variable {{${str(p, 'name')}}}: known are ${str(p, 'known')}`,
    exitCode: 1,
  },
  // kubelife machine add (src/machine/add-machines.ts)
  InvalidMachineCount: {
    title: 'Invalid machine count',
    message: (p) =>
      `invalid --count "${str(p, 'count')}": give a whole number of machines from 1 to ${str(p, 'max')}`,
    exitCode: 2,
  },
  InvalidMachineName: {
    title: 'Invalid machine name prefix',
    message: (p) =>
      `invalid --prefix "${str(p, 'prefix')}": machine names are host names (RFC 1123): lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters including the "-N" suffix`,
    exitCode: 2,
  },
  MachineExists: {
    title: 'Machine exists',
    message: (p) =>
      `machine "${str(p, 'machine')}" already exists; add the machines under another --prefix`,
    exitCode: 1,
  },
  InvalidState: {
    title: 'Invalid saved state',
    message: (p) => `invalid saved state: ${str(p, 'reason')}`,
    exitCode: 1,
  },
  KubeadmPhase: {
    title: 'kubeadm phase failed',
    // cmd/kubeadm/app/cmd/phases/workflow/runner.go wraps a phase error this way.
    message: (p) => `error execution phase ${str(p, 'phase')}: ${str(p, 'message')}`,
    exitCode: 1,
  },
  Kubeadm: {
    title: 'kubeadm error',
    message: (p) => str(p, 'message'),
    exitCode: 1,
  },
  KubectlConnectionRefused: {
    title: 'No kubeconfig',
    // client-go's error for the default localhost:8080 server when no kubeconfig is found.
    message: (p) =>
      `The connection to the server ${str(p, 'server') || 'localhost:8080'} was refused - did you specify the right host or port?`,
    hint: 'Copy /etc/kubernetes/admin.conf to $HOME/.kube/config or export KUBECONFIG=/etc/kubernetes/admin.conf.',
    exitCode: 1,
  },
  Kubectl: {
    title: 'kubectl error',
    message: (p) => `error: ${str(p, 'message')}`,
    exitCode: 1,
  },
  NoSuchFile: {
    title: 'No such file or directory',
    // GNU coreutils wording: "<tool>: <verb> '<path>': No such file or directory".
    message: (p) =>
      `${str(p, 'tool')}: ${str(p, 'prefix')}${str(p, 'path')}: No such file or directory`,
    exitCode: 1,
  },
  AptUnableToLocate: {
    title: 'Package not found',
    message: (p) => `E: Unable to locate package ${str(p, 'package')}`,
    hint: 'Add the pkgs.k8s.io repository and run apt-get update first.',
    exitCode: 100,
  },
  AptVersionNotFound: {
    title: 'Package version not found',
    message: (p) => `E: Version '${str(p, 'version')}' for '${str(p, 'package')}' was not found`,
    exitCode: 100,
  },
  AptHeld: {
    title: 'Held package',
    message: () =>
      `E: Held packages were changed and -y was used without --allow-change-held-packages.`,
    exitCode: 100,
  },
  AptRepositoryNotSigned: {
    title: 'Repository not signed',
    // apt 2.8 (noble) when signed-by names a missing/empty keyring; apt-get update exits 100.
    message: (p) =>
      `E: The repository '${str(p, 'repository')}' is not signed.\nN: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.`,
    hint: 'Write the pkgs.k8s.io signing key with curl … | gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg.',
    exitCode: 100,
  },
  AptDowngrade: {
    title: 'Downgrade refused',
    // apt-private-install.cc: a downgrade under -y needs --allow-downgrades.
    message: () => 'E: Packages were downgraded and -y was used without --allow-downgrades.',
    exitCode: 100,
  },
  EtcdNoQuorum: {
    title: 'etcd has no quorum',
    // etcd's ErrTimeout (server/etcdserver/errors.go) as kubectl prints an apiserver error.
    message: () => 'Error from server: etcdserver: request timed out',
    hint: 'Fewer than floor(n/2)+1 etcd members are running; bring members back (or restore from a snapshot).',
    exitCode: 1,
  },
  Etcdctl: {
    title: 'etcdctl error',
    // etcdctl's ExitWithError prints "Error: <err>" (etcdctl/ctlv3/command/error.go).
    message: (p) => `Error: ${str(p, 'message')}`,
    exitCode: 1,
  },
  Internal: {
    title: 'Internal error',
    message: (p) => `internal error: ${str(p, 'message')}`,
    exitCode: 1,
  },
} satisfies Record<string, ErrorEntry>;

/** The discriminant of every engine error. */
export type ErrorCode = keyof typeof errorCatalog;

/** The one error class of the engine; `code` selects the catalog entry. */
export class EngineError extends Error {
  /** Stable machine-readable code from {@link errorCatalog}. */
  readonly code: ErrorCode;
  /** Parameters the message was built from. */
  readonly params: ErrorParams;
  /** Exit code a CLI should report. */
  readonly exitCode: number;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    const entry: ErrorEntry = errorCatalog[code];
    super(entry.message(params));
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
    this.exitCode = entry.exitCode;
  }
}

/** Creates an {@link EngineError} for a catalog code. */
export function engineError(code: ErrorCode, params: ErrorParams = {}): EngineError {
  return new EngineError(code, params);
}

/** True when `value` is an {@link EngineError}. */
export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
