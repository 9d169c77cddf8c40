/**
 * `kubectl auth can-i` and `kubectl auth whoami`, answered by the engine's RBAC authorizer over
 * the stored roles and bindings (src/rbac), as the API server answers a SelfSubjectAccessReview,
 * SelfSubjectRulesReview or SelfSubjectReview.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/auth/auth.go (no subcommand: help on
 * stderr, exit 1), auth/cani.go (arguments, Validate's errors and warnings, yes/no, exit 1 on
 * no, --list), auth/whoami.go (ATTRIBUTE/VALUE table), staging/src/k8s.io/cli-runtime/pkg/printers/warningprinter.go.
 */
import {
  authorize,
  resolveType,
  rulesReview,
  type AccessRequest,
  type UserInfo,
} from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { requestUser } from './kubectl-identity.ts';
import { formatAccessList } from './kubectl-auth-list.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

const FLAGS: FlagSpec[] = [
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    usage: 'If true, check the specified action in all namespaces.',
  },
  {
    name: 'quiet',
    short: 'q',
    type: 'bool',
    usage: 'If true, suppress output and just return the exit code.',
  },
  { name: 'subresource', type: 'string', usage: 'SubResource such as pod/log or deployment/scale' },
  { name: 'list', type: 'bool', usage: 'If true, prints all allowed actions.' },
  { name: 'no-headers', type: 'bool', usage: 'If true, prints allowed actions without headers' },
];

const HELP = `Inspect authorization.

Available Commands:
  can-i         Check whether an action is allowed
  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects
  whoami        Experimental: Check self subject attributes

Usage:
  kubectl auth [flags] [options]

Use "kubectl auth <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

const RESOURCE_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'use',
  'bind',
  'impersonate',
  '*',
  'approve',
  'sign',
  'escalate',
  'attest',
];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

/** printers.WarningPrinter: `Warning: ` and the message, which here ends in its own newline. */
const warn = (inv: Invocation, message: string): void => inv.io.err(`Warning: ${message}\n`);

/** The resource argument as cani.go resourceFor resolves it (a warning for an unknown type). */
function resourceFor(
  inv: Invocation,
  arg: string,
): { group: string; resource: string; namespaced: boolean | null } {
  if (arg === '*') return { group: '', resource: '*', namespaced: true };
  const lower = arg.toLowerCase();
  const t = resolveType(inv.ctx.state, lower);
  if (t) return { group: t.group, resource: t.plural, namespaced: t.namespaced };
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (!['users', 'groups'].includes(lower))
    warn(
      inv,
      group === ''
        ? `the server doesn't have a resource type '${resource}'`
        : `the server doesn't have a resource type '${resource}' in group '${group}'`,
    );
  return { group: '', resource: arg, namespaced: null };
}

function fail(inv: Invocation, message: string): number {
  inv.io.err(`error: ${message}`);
  return 1;
}

function canI(inv: Invocation, p: ParsedFlags, connect: Connect, args: readonly string[]): number {
  const listing = bool(p, 'list');
  const allNamespaces = bool(p, 'all-namespaces');
  const subresource = str(p, 'subresource') ?? '';
  if (listing && args.length !== 0)
    return fail(inv, 'list option must be specified with no arguments');
  if (!listing && args.length !== 2)
    return fail(
      inv,
      "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
    );
  const namespace = allNamespaces ? '' : (str(p, 'namespace') ?? 'default');
  if (listing) {
    if (bool(p, 'quiet') || allNamespaces || subresource !== '')
      return fail(
        inv,
        "list option can't be specified with neither quiet, all-namespaces nor subresource options",
      );
    return withUser(inv, p, connect, (user) => {
      const text = formatAccessList(
        rulesReview(inv.ctx.state, user, namespace),
        bool(p, 'no-headers'),
      );
      if (text !== '') inv.io.out(text);
      return 0;
    });
  }
  const [verb = '', target = ''] = args;
  let req: AccessRequest;
  if (target.startsWith('/')) {
    if (subresource !== '') return fail(inv, '--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(inv, `verb '${verb}' is not a known verb`);
    req = { kind: 'nonResource', verb, path: target };
  } else {
    if (!connect(inv, p)) return 1;
    const slash = target.indexOf('/');
    const r = resourceFor(inv, slash < 0 ? target : target.slice(0, slash));
    if (!allNamespaces && r.namespaced === false)
      warn(
        inv,
        r.group === ''
          ? `resource '${r.resource}' is not namespace scoped`
          : `resource '${r.resource}' is not namespace scoped in group '${r.group}'`,
      );
    if (!RESOURCE_VERBS.includes(verb)) warn(inv, `verb '${verb}' is not a known verb`);
    req = {
      kind: 'resource',
      verb,
      namespace,
      group: r.group,
      resource: r.resource,
      subresource,
      name: slash < 0 ? '' : target.slice(slash + 1),
    };
  }
  if (bool(p, 'no-headers'))
    return fail(inv, '--no-headers cannot be set without --list specified');
  return withUser(inv, p, connect, (user) => {
    const decision = authorize(inv.ctx.state, user, req);
    if (bool(p, 'quiet')) return decision.allowed ? 0 : 1;
    if (decision.allowed) inv.io.out('yes');
    else inv.io.out(decision.reason === '' ? 'no' : `no - ${decision.reason}`);
    return decision.allowed ? 0 : 1;
  });
}

/** Connects, resolves who asks (impersonation included), then answers. */
function withUser(
  inv: Invocation,
  p: ParsedFlags,
  connect: Connect,
  answer: (user: UserInfo) => number,
): number {
  if (!connect(inv, p)) return 1;
  const who = requestUser(inv, p);
  if (who === null) {
    inv.io.err('error: You must be logged in to the server (Unauthorized)');
    return 1;
  }
  if (!who.ok) {
    inv.io.err(`Error from server (Forbidden): ${who.message}`);
    return 1;
  }
  return answer(who.user);
}

function whoami(
  inv: Invocation,
  p: ParsedFlags,
  connect: Connect,
  args: readonly string[],
): number {
  if (args.length > 0)
    return fail(inv, `unknown command "${args[0] ?? ''}" for "kubectl auth whoami"`);
  return withUser(inv, p, connect, (user) => {
    inv.io.out(
      tabwrite([
        ['ATTRIBUTE', 'VALUE'],
        ['Username', user.name],
        ['Groups', `[${user.groups.join(' ')}]`],
      ]),
    );
    return 0;
  });
}

function auth(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const [sub, ...args] = p.positionals;
  if (sub === undefined) {
    inv.io.err(HELP);
    return 1;
  }
  if (sub === 'can-i') return canI(inv, p, connect, args);
  if (sub === 'whoami') return whoami(inv, p, connect, args);
  if (sub === 'reconcile') {
    inv.io.err(
      'kubectl: this simulator does not implement auth reconcile (create the RBAC objects with kubectl create or apply)',
    );
    return 1;
  }
  inv.io.err(`error: unknown command "${sub}"\nSee 'kubectl auth -h' for help and examples`);
  return 1;
}

/** `kubectl auth can-i|whoami`. */
export const authVerb: KubectlVerbFactory = (connect) => ({
  flags: FLAGS,
  short: 'Inspect authorization',
  run: (inv, p) => auth(inv, p, connect),
});
