/**
 * `kubectl set image (TYPE NAME | TYPE/NAME | -l SELECTOR | --all) CONTAINER=IMAGE…`: sets the
 * image of the named containers (init containers too; `*` for all) in the Pod template of a
 * Deployment, DaemonSet, ReplicaSet, StatefulSet, Job or CronJob, or in a Pod itself, and
 * writes the object back, which starts the workload controllers' rollout. Prints
 * `deployment.apps/web image updated`; an object whose images already match prints nothing
 * (the patch is empty). Other `set` subcommands answer that the simulator does not implement
 * them.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go (Validate, Run, setImage,
 * getResourcesAndImages), set.go (the subcommands), polymorphichelpers/updatepodspec.go (which
 * kinds have a Pod spec and where).
 */
import type { Json } from '../../src/index.ts';
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { writePodSpecEdits } from './kubectl-pod-spec.ts';
import { SET_RESOURCES_FLAGS, setResources } from './kubectl-set-resources.ts';
import {
  SELECT_FLAGS,
  WRITE_FLAGS,
  reportErrors,
  resourcesAndPairs,
  selectTargets,
  writeOptions,
} from './kubectl-write-common.ts';

type Obj = { [k: string]: Json };

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

/** Sets `images` in the Pod spec (init containers too; `*` for all); the names no container has. */
function setImages(spec: Obj, images: ReadonlyMap<string, string>): string[] {
  const missing: string[] = [];
  for (const [name, image] of images) {
    let found = false;
    for (const list of ['initContainers', 'containers'])
      for (const c of (spec[list] ?? []) as Obj[])
        if (c['name'] === name || name === '*') {
          c['image'] = image;
          found = true;
        }
    if (!found) missing.push(name);
  }
  return missing;
}

function setImage(
  inv: Invocation,
  p: ParsedFlags,
  args: readonly string[],
  connect: Connect,
): number {
  const split = resourcesAndPairs(args, 'image');
  if ('error' in split) return reportErrors(inv, [split.error]);
  const images = new Map<string, string>();
  for (const pair of split.pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      return reportErrors(inv, [`invalid image format: ${pair}`]);
    images.set(pair.slice(0, at), pair.slice(at + 1));
  }
  // The resource builder refuses a line without resources before Validate (builder.go).
  if (split.resources.length === 0) {
    inv.io.err(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
    return 1;
  }
  const problems: string[] = [];
  if (p.values['all'] === true && p.values['selector'] !== undefined)
    problems.push('cannot set --all and --selector at the same time');
  if (split.resources.length === 0)
    problems.push(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  if (images.size === 0) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*'))
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  if (problems.length > 0) {
    inv.io.err(
      problems.length === 1 ? `error: ${problems[0] ?? ''}` : `error: [${problems.join(', ')}]`,
    );
    return 1;
  }
  const opts = writeOptions(inv, p);
  if (opts === null) return 1;
  if (!connect(inv, p)) return 1;
  const targets = selectTargets(inv, p, split.resources);
  if ('error' in targets) return reportErrors(inv, [targets.error]);
  const errors = writePodSpecEdits(
    inv,
    opts,
    targets,
    (spec) => {
      const missing = setImages(spec, images);
      return {
        errors: missing.map((n) => `error: unable to find container named ${JSON.stringify(n)}`),
        write: true,
      };
    },
    'image updated',
    'failed to patch image update to pod template: ',
  );
  return reportErrors(inv, errors);
}

/** Flags of `kubectl set image`. */
const SET_FLAGS: FlagSpec[] = [...WRITE_FLAGS, ...SELECT_FLAGS, ...SET_RESOURCES_FLAGS];

/** The `kubectl set` verb (image; the other subcommands are not simulated). */
export function setVerb(connect: Connect) {
  return {
    flags: SET_FLAGS,
    short: 'Set specific features on objects',
    run: (inv: Invocation, p: ParsedFlags): number => {
      const [sub, ...args] = p.positionals;
      if (sub === undefined) {
        inv.io.err(SET_HELP);
        return 1;
      }
      if (sub === 'image') return setImage(inv, p, args, connect);
      if (sub === 'resources') return setResources(inv, p, args, connect);
      if (['env', 'selector', 'serviceaccount', 'sa', 'subject'].includes(sub)) {
        inv.io.err(
          `kubelife: this simulator does not implement kubectl set ${sub} (it implements kubectl set image and kubectl set resources)`,
        );
        return 1;
      }
      inv.io.err(
        `error: unknown command "${sub}" for "kubectl set"\n\nDid you mean this?\n\timage\n\nRun 'kubectl set --help' for usage.`,
      );
      return 1;
    },
  };
}
