/**
 * `kubectl create`: the generators (configmap, secret generic|tls, serviceaccount, role,
 * clusterrole, rolebinding, clusterrolebinding, namespace) and `-f FILE|-` for objects given as
 * YAML or JSON. Each builds the object kubectl would send, prints it for `--dry-run=client`,
 * otherwise creates it (kubectl.object.create) and prints `TYPE/NAME created` or `-o` the object
 * as the server answered. `-o json` prints typed objects in their Go field order, `-o yaml`
 * sorted (sigs.k8s.io/yaml), as kubectl does.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create.go (NewCmdCreate:
 * "must specify one of -f and -k", "Unexpected args", RunCreate: `error when creating "FILE"`),
 * create_*.go (NameFromCommandArgs: "exactly one NAME is required, got %d"; the "failed to
 * create …" wrapping of API errors).
 */
import { parseAllDocuments } from 'yaml';
import {
  EngineError,
  findMachine,
  resolveType,
  type ApiObject,
  type ApiResourceType,
  type NewObject,
} from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { absolutePath } from '../paths.ts';
import type { Invocation } from '../types.ts';
import { SERVICE_FLAGS, SERVICE_HELP, buildService } from './kubectl-create-service.ts';
import {
  DATA_FLAGS,
  SECRET_FLAGS,
  TLS_FLAGS,
  buildConfigMap,
  buildGenericSecret,
  buildNamespace,
  buildServiceAccount,
  buildTlsSecret,
  type Built,
} from './kubectl-create-data.ts';
import {
  BINDING_FLAGS,
  CLUSTERROLE_FLAGS,
  buildBinding,
  buildRole,
} from './kubectl-create-rbac.ts';
import { GLOBAL_FLAGS } from './kubectl-globals.ts';
import { DOCKER_FLAGS, buildDockerRegistrySecret } from './kubectl-create-docker.ts';
import { TOKEN_FLAGS, createToken } from './kubectl-create-token.ts';
import { DEPLOYMENT_FLAGS, buildDeployment } from './kubectl-create-workload.ts';
import { PDB_FLAGS, buildPdb } from './kubectl-create-pdb.ts';
import { CRONJOB_FLAGS, JOB_FLAGS, buildCronJob, buildJob } from './kubectl-create-job.ts';
import { createObject } from './kubectl-mutate.ts';
import type { Connect } from './kubectl-node.ts';
import { renderYaml } from './kubectl-print.ts';
import {
  WRITE_FLAGS,
  writeOptions,
  printTemplated,
  writtenObject,
  type DryRun,
  type WriteOutput,
} from './kubectl-write-common.ts';

type Obj = Record<string, unknown>;
/** A JSON field as text ('' when it is not a string). */
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

interface Generator {
  /** The resource it creates (store id). */
  readonly resource: string;
  readonly flags: readonly FlagSpec[];
  /** `failed to create X…` before API errors (create_secret.go has no colon), or null: printed as they are. */
  readonly wrap: string | null;
  /** `command`: the words after the NAME and a `--` (create job / cronjob). */
  build(
    inv: Invocation,
    p: ParsedFlags,
    name: string,
    command: readonly string[],
  ): Built | Promise<Built>;
  /** A check cobra makes before the command runs (required flags), or null. */
  readonly preflight?: (p: ParsedFlags) => string | null;
}

const GENERATORS: Readonly<Record<string, Generator>> = {
  configmap: {
    resource: 'configmaps',
    flags: DATA_FLAGS,
    wrap: 'configmap: ',
    build: buildConfigMap,
  },
  'secret generic': {
    resource: 'secrets',
    flags: [...DATA_FLAGS, ...SECRET_FLAGS],
    wrap: 'secret ',
    build: buildGenericSecret,
  },
  'secret tls': { resource: 'secrets', flags: TLS_FLAGS, wrap: 'secret ', build: buildTlsSecret },
  'secret docker-registry': {
    resource: 'secrets',
    flags: DOCKER_FLAGS,
    wrap: 'secret ',
    build: buildDockerRegistrySecret,
  },
  serviceaccount: {
    resource: 'serviceaccounts',
    flags: [],
    wrap: 'serviceaccount: ',
    build: buildServiceAccount,
  },
  namespace: { resource: 'namespaces', flags: [], wrap: null, build: buildNamespace },
  poddisruptionbudget: {
    resource: 'poddisruptionbudgets.policy',
    flags: PDB_FLAGS,
    // create_pdb.go: "failed to create poddisruptionbudgets: %v".
    wrap: 'poddisruptionbudgets: ',
    build: buildPdb,
  },
  deployment: {
    resource: 'deployments.apps',
    flags: DEPLOYMENT_FLAGS,
    wrap: 'deployment: ',
    build: buildDeployment,
  },
  job: {
    resource: 'jobs.batch',
    flags: JOB_FLAGS,
    wrap: 'job: ',
    build: buildJob,
  },
  cronjob: {
    resource: 'cronjobs.batch',
    flags: CRONJOB_FLAGS,
    wrap: 'cronjob: ',
    build: (_i, p, n, command) => buildCronJob(p, n, command),
    preflight: (p) => {
      const built = buildCronJob(p, '', []);
      return 'error' in built ? built.error : null;
    },
  },
  role: {
    resource: 'roles.rbac.authorization.k8s.io',
    flags: CLUSTERROLE_FLAGS.slice(0, 3),
    wrap: null,
    build: (i, p, n) => buildRole(i, p, n, false),
  },
  clusterrole: {
    resource: 'clusterroles.rbac.authorization.k8s.io',
    flags: CLUSTERROLE_FLAGS,
    wrap: null,
    build: (i, p, n) => buildRole(i, p, n, true),
  },
  rolebinding: {
    resource: 'rolebindings.rbac.authorization.k8s.io',
    flags: BINDING_FLAGS,
    wrap: 'rolebinding: ',
    build: (_i, p, n) => buildBinding(p, n, false),
  },
  clusterrolebinding: {
    resource: 'clusterrolebindings.rbac.authorization.k8s.io',
    flags: BINDING_FLAGS.filter((f) => f.name !== 'role'),
    wrap: 'clusterrolebinding: ',
    build: (_i, p, n) => buildBinding(p, n, true),
  },
  ...Object.fromEntries(
    Object.entries(SERVICE_FLAGS).map(([sub, flags]) => [
      `service ${sub}`,
      {
        resource: 'services',
        flags,
        // create_service.go: "failed to create %s service: %v" with the Service type.
        wrap: `${{ clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }[sub] ?? ''} service: `,
        build: (_i: Invocation, p: ParsedFlags, n: string) => buildService(sub, p, n),
      } satisfies Generator,
    ]),
  ),
};

const ALIASES: Readonly<Record<string, string>> = {
  cm: 'configmap',
  sa: 'serviceaccount',
  ns: 'namespace',
  deploy: 'deployment',
  svc: 'service',
  pdb: 'poddisruptionbudget',
  cj: 'cronjob',
};

const FILE_FLAGS: FlagSpec[] = [
  {
    name: 'filename',
    short: 'f',
    type: 'strings',
    usage: 'Filename, directory, or URL to files to use to create the resource',
  },
  {
    name: 'save-config',
    type: 'bool',
    usage: 'If true, the configuration of current object will be saved in its annotation.',
  },
  {
    name: 'validate',
    type: 'string',
    usage: 'Must be one of: strict (or true), warn, ignore (or false).',
  },
];

/** Every flag a create subcommand accepts (the verb parses them all; each subcommand checks its own). */
const ALL_FLAGS: FlagSpec[] = [
  ...WRITE_FLAGS,
  ...FILE_FLAGS,
  ...TOKEN_FLAGS,
  ...[
    ...new Map(
      Object.values(GENERATORS).flatMap((g) => g.flags.map((f) => [f.name, f] as const)),
    ).values(),
  ],
];

const SECRET_HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
];

/** A typed object as encoding/json writes it: TypeMeta, ObjectMeta, then the kind's fields. */
export function typedOrder(o: Obj): Obj {
  const meta = (o['metadata'] ?? {}) as Obj;
  const metadata = Object.fromEntries(
    [
      ...META_ORDER.filter((k) => k in meta),
      ...Object.keys(meta).filter((k) => !META_ORDER.includes(k)),
    ].map((k) => [k, meta[k]]),
  );
  const { kind, apiVersion, metadata: _m, ...rest } = o;
  return { kind, apiVersion, metadata, ...rest };
}

function printCreated(
  inv: Invocation,
  out: WriteOutput,
  type: ApiResourceType,
  o: Obj,
  dryRun: DryRun,
  operation = 'created',
): void {
  const name = textOf((o['metadata'] as Obj | undefined)?.['name']);
  if (out.kind === 'name') inv.io.out(`${type.namePrefix}/${name}`);
  else if (out.kind === 'json') inv.io.out(JSON.stringify(typedOrder(o), null, 4));
  else if (out.kind === 'yaml') inv.io.out(renderYaml(o));
  else if (out.kind === 'jsonpath' || out.kind === 'go-template') printTemplated(inv, out, o);
  else {
    const suffix =
      dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    inv.io.out(`${type.namePrefix}/${name} ${operation}${suffix}`);
  }
}

/** Creates one object (or checks it, for a server dry run); returns the API error text or null. */
export function createOne(
  inv: Invocation,
  type: ApiResourceType,
  object: Obj,
  dryRun: DryRun,
  namespace: string,
): ApiObject | string {
  const meta = (object['metadata'] ?? {}) as Obj;
  const placed = {
    ...object,
    metadata: {
      ...meta,
      ...(type.namespaced ? { namespace: meta['namespace'] ?? namespace } : {}),
    },
  } as unknown as NewObject;
  if (dryRun === 'server') {
    const exists = writtenObject(inv, type, placed as unknown as ApiObject);
    if (exists !== (placed as unknown as ApiObject))
      return `${type.id} "${placed.metadata.name}" already exists`;
    return placed as unknown as ApiObject;
  }
  const t = inv.apply({ type: 'kubectl.object.create', resource: type.id, object: placed });
  if (!t.ok) return t.error.message;
  return writtenObject(inv, type, placed as unknown as ApiObject);
}

/**
 * An Invalid Status as kubectl's StandardErrorMessage prints it (`The Kind "name" is invalid:`
 * and the causes), or null for other errors.
 */
export function invalidText(message: string): string | null {
  const m = /^(\w+)(?:\.[\w.]+)? "([^"]*)" is invalid: ([\s\S]*)$/.exec(message);
  return m ? `The ${m[1] ?? ''} "${m[2] ?? ''}" is invalid: ${m[3] ?? ''}` : null;
}

/**
 * The Status reason of an API error message (`otherwise` for one none of these name): admission's
 * Forbidden (`… is forbidden: …`, whose cause may end "not found"), AlreadyExists, NotFound.
 */
export function statusReason(message: string, otherwise: string): string {
  if (/^\S+ "[^"]*" is forbidden: /.test(message)) return 'Forbidden';
  if (/already exists$/.test(message)) return 'AlreadyExists';
  return /not found$/.test(message) ? 'NotFound' : otherwise;
}

/** The API error as kubectl prints it (`Error from server (Reason): …`). */
function serverError(message: string): string {
  const invalid = invalidText(message);
  if (invalid !== null) return invalid;
  return `Error from server (${statusReason(message, 'BadRequest')}): ${message}`;
}

async function runGenerator(
  inv: Invocation,
  p: ParsedFlags,
  sub: string,
  g: Generator,
  args: readonly string[],
  connect: Connect,
): Promise<number> {
  const allowed = new Set(
    [...WRITE_FLAGS, ...FILE_FLAGS.slice(1), ...g.flags, ...GLOBAL_FLAGS].map((f) => f.name),
  );
  const bad = Object.keys(p.values).find((k) => !allowed.has(k) && k !== 'help');
  if (bad !== undefined) {
    inv.io.err(`error: unknown flag: --${bad}\nSee 'kubectl create ${sub} --help' for usage.`);
    return 1;
  }
  const early = g.preflight?.(p) ?? null;
  if (early !== null) {
    inv.io.err(`error: ${early}`);
    return 1;
  }
  // NameFromCommandArgs counts the arguments before a `--` only; the rest is the command.
  const names =
    p.dashAt !== undefined ? p.dashAt - (p.positionals.length - args.length) : args.length;
  if (names !== 1) {
    inv.io.err(
      `error: exactly one NAME is required, got ${names}\nSee 'kubectl create ${sub} -h' for help and examples`,
    );
    return 1;
  }
  const opts = writeOptions(inv, p);
  if (opts === null) return 1;
  const { dryRun, out } = opts;
  if (dryRun !== 'client' && !connect(inv, p)) return 1;
  const built = await g.build(inv, p, args[0] ?? '', args.slice(1));
  if ('error' in built) {
    const e = built.error;
    inv.io.err(
      e.startsWith('error: ') || e.startsWith('the server') || e.startsWith('Error from server')
        ? e
        : `error: ${e}`,
    );
    return 1;
  }
  // A plain `create namespace NAME` keeps the namespace path with its own checks and wording.
  if (sub === 'namespace' && dryRun === 'none' && out.kind === 'operation')
    return createObject(inv, { ...p, positionals: ['namespace', args[0] ?? ''] });
  return createAndPrint(inv, p, g.resource, built.object, g.wrap, connect);
}

/**
 * Creates a built object (or prints it, for a client dry run) and prints the result as kubectl's
 * create verbs do; `wrap` names the `failed to create X: …` wrapping of API errors, if any.
 */
export function createAndPrint(
  inv: Invocation,
  p: ParsedFlags,
  resource: string,
  object: Obj,
  wrap: string | null,
  connect: Connect,
  operation = 'created',
): number {
  const opts = writeOptions(inv, p);
  if (opts === null) return 1;
  const { dryRun, out } = opts;
  const type = resolveType(inv.ctx.state, resource);
  if (!type) throw new EngineError('UnknownResourceType', { resource });
  if (dryRun === 'client') {
    printCreated(inv, out, type, object, dryRun, operation);
    return 0;
  }
  if (!connect(inv, p)) return 1;
  const made = createOne(inv, type, object, dryRun, str(p, 'namespace') ?? 'default');
  if (typeof made === 'string') {
    inv.io.err(wrap !== null ? `error: failed to create ${wrap}${made}` : serverError(made));
    return 1;
  }
  printCreated(inv, out, type, dryRun === 'server' ? object : made, dryRun, operation);
  return 0;
}

/** `kubectl create -f FILE|-`: every object of the YAML or JSON documents. */
function runFiles(
  inv: Invocation,
  p: ParsedFlags,
  files: readonly string[],
  connect: Connect,
): number {
  const opts = writeOptions(inv, p);
  if (opts === null) return 1;
  const { dryRun, out } = opts;
  const m = findMachine(inv.ctx.state, inv.machine);
  let code = 0;
  for (const file of files) {
    const text = file === '-' ? (inv.stdin ?? '') : m?.files[absolutePath(inv, file)];
    if (text === undefined) {
      inv.io.err(`error: the path "${file}" does not exist`);
      return 1;
    }
    if (dryRun !== 'client' && !connect(inv, p)) return 1;
    const source = file === '-' ? 'STDIN' : file;
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as Obj | null;
      if (o === null || typeof o !== 'object') continue;
      const kind = textOf(o['kind']);
      const type = resolveType(inv.ctx.state, kind.toLowerCase());
      if (!type) {
        inv.io.err(
          `error: resource mapping not found for name: "${textOf((o['metadata'] as Obj | undefined)?.['name'])}" namespace: "" from "${source}": no matches for kind "${kind}" in version "${textOf(o['apiVersion'])}"\nensure CRDs are installed first`,
        );
        code = 1;
        continue;
      }
      if (dryRun === 'client') {
        printCreated(inv, out, type, o, dryRun);
        continue;
      }
      const made = createOne(inv, type, o, dryRun, str(p, 'namespace') ?? 'default');
      if (typeof made === 'string') {
        const invalid = invalidText(made);
        if (invalid !== null) {
          inv.io.err(invalid);
          code = 1;
          continue;
        }
        const reason = statusReason(made, 'NotFound');
        inv.io.err(`Error from server (${reason}): error when creating "${source}": ${made}`);
        code = 1;
        continue;
      }
      printCreated(inv, out, type, dryRun === 'server' ? o : made, dryRun);
    }
  }
  return code;
}

/** cobra's answer to an unknown subcommand of `kubectl create GROUP` (args joined). */
function unknownSub(group: string, args: readonly string[]): string {
  return `error: unknown command "${args.join(' ')}"\nSee 'kubectl create ${group} -h' for help and examples`;
}

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number | Promise<number> {
  const files = p.values['filename'];
  const [first, ...rest] = p.positionals;
  if (Array.isArray(files) && files.length > 0 && first === undefined)
    return runFiles(inv, p, files, connect);
  if (first === undefined) {
    inv.io.err('error: must specify one of -f and -k');
    return 1;
  }
  if (first === 'token') return createToken(inv, p, rest, connect);
  let sub = ALIASES[first] ?? first;
  let args = rest;
  if (sub === 'secret') {
    if (rest[0] !== 'generic' && rest[0] !== 'tls' && rest[0] !== 'docker-registry') {
      inv.io.err(rest.length === 0 ? SECRET_HELP : unknownSub('secret', rest));
      return 1;
    }
    sub = `secret ${rest[0]}`;
    args = rest.slice(1);
  }
  if (sub === 'service') {
    if (!Object.hasOwn(SERVICE_FLAGS, rest[0] ?? '')) {
      inv.io.err(rest.length === 0 ? SERVICE_HELP : unknownSub('service', rest));
      return 1;
    }
    sub = `service ${rest[0]}`;
    args = rest.slice(1);
  }
  const g = Object.hasOwn(GENERATORS, sub) ? GENERATORS[sub] : undefined;
  if (!g) {
    inv.io.err(
      `error: Unexpected args: [${p.positionals.join(' ')}]\nSee 'kubectl create -h' for help and examples`,
    );
    return 1;
  }
  return runGenerator(inv, p, sub, g, args, connect);
}

/** The `kubectl create` verb. */
export function createVerb(connect: Connect) {
  return {
    flags: ALL_FLAGS,
    short: 'Create a resource from a file or from stdin',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
