/**
 * `kubectl edit`: kubectl fetches the objects, then starts $KUBE_EDITOR, $EDITOR or `vi` on a
 * temporary file. The simulated machines have no text editor, so the launch fails the way it
 * fails on a machine without one (`error: unable to launch the editor "vi"`), after the same
 * argument and NotFound checks; a note then points to the verbs that change objects here.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (Run: the
 * builder first, then LaunchTempFile), staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editor.go
 * (NewDefaultEditor: KUBE_EDITOR, EDITOR, `vi`; Launch: "unable to launch the editor %q").
 */
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import { str } from '../flags.ts';

const FLAGS: FlagSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    usage:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  },
  {
    name: 'filename',
    short: 'f',
    type: 'strings',
    usage: 'Filename, directory, or URL to files to use to edit the resource',
  },
  {
    name: 'windows-line-endings',
    type: 'bool',
    usage: 'Defaults to the line ending native to your platform.',
  },
  {
    name: 'save-config',
    type: 'bool',
    usage: 'If true, the configuration of current object will be saved in its annotation.',
  },
  {
    name: 'subresource',
    type: 'string',
    usage: 'If specified, edit will operate on the subresource of the requested object.',
  },
  {
    name: 'field-manager',
    type: 'string',
    usage: 'Name of the manager used to track field ownership.',
  },
];

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  if (p.positionals.length === 0) {
    inv.io.err(NO_RESOURCES);
    return 1;
  }
  const args = typeArgs(p.positionals);
  if (!args.ok) {
    inv.io.err(args.message);
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const namespace = str(p, 'namespace') ?? 'default';
  let found = 0;
  for (const req of args.requests) {
    const resolved = resolveArg(inv.ctx.state, req.arg);
    if (!resolved.ok) {
      inv.io.err(resolved.message);
      return 1;
    }
    for (const type of resolved.types) {
      const s = selectObjects(inv.ctx.state, type, req.names, { namespace });
      if ('error' in s) {
        inv.io.err(s.error);
        return 1;
      }
      const missing = s.missing[0];
      if (missing !== undefined) {
        inv.io.err(`Error from server (NotFound): ${type.id} "${missing}" not found`);
        return 1;
      }
      found += s.objects.length;
    }
  }
  if (found === 0) {
    inv.io.err('error: edit cancelled, no objects found');
    return 1;
  }
  const env = inv.ctx.env;
  const editor = env['KUBE_EDITOR'] || env['EDITOR'] || 'vi';
  inv.io.err(`error: unable to launch the editor "${editor}"`);
  inv.io.err(
    'kubelife: this simulated machine has no text editor; change the object with kubectl patch (or kubectl label, annotate, scale, apply -f)',
  );
  return 1;
}

/** The `kubectl edit` verb. */
export function editVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Edit a resource on the server',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
