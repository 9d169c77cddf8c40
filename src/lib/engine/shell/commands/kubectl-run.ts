/**
 * `kubectl run NAME --image=IMAGE [--port] [--labels] [--env] [--restart] [--command] [-- ARGS…]`:
 * the Pod kubectl's run generator builds (label `run: NAME` unless --labels, one container named
 * NAME, restartPolicy and dnsPolicy ClusterFirst), created and then scheduled like any Pod of a
 * reader's workload (controllers/scheduler.ts).
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/run/run.go ("NAME is required for run",
 * "invalid restart policy: %s", the `--image` required flag), staging/src/k8s.io/kubectl/pkg/
 * generate/versioned/run.go (BasicPod: labels, containers, args or command).
 */
import type { Json } from '../../src/index.ts';
import { bool, list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { createAndPrint } from './kubectl-create.ts';
import { generatedMeta } from './kubectl-create-data.ts';
import type { Connect } from './kubectl-node.ts';
import { WRITE_FLAGS } from './kubectl-write-common.ts';

type Obj = Record<string, Json>;

const FLAGS: FlagSpec[] = [
  ...WRITE_FLAGS,
  { name: 'image', type: 'string', usage: 'The image for the container to run.' },
  { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
  {
    name: 'labels',
    short: 'l',
    type: 'string',
    usage: 'Comma separated labels to apply to the pod. Will override previous values.',
  },
  { name: 'env', type: 'strings', usage: 'Environment variables to set in the container.' },
  {
    name: 'restart',
    type: 'string',
    usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
  },
  {
    name: 'command',
    type: 'bool',
    usage:
      "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
  },
  { name: 'image-pull-policy', type: 'string', usage: 'The image pull policy for the container.' },
];

const USAGE = "\nSee 'kubectl run -h' for help and examples";

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number | Promise<number> {
  const [name, ...extra] = p.positionals;
  if (name === undefined) {
    inv.io.err(`error: NAME is required for run${USAGE}`);
    return 1;
  }
  const image = str(p, 'image');
  if (image === undefined) {
    inv.io.err('error: required flag(s) "image" not set');
    return 1;
  }
  const restart = str(p, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    inv.io.err(`error: invalid restart policy: ${restart}${USAGE}`);
    return 1;
  }
  const labelText = str(p, 'labels');
  const labels: Obj = {};
  if (labelText === undefined) labels['run'] = name;
  else
    for (const pair of labelText.split(',')) {
      const at = pair.indexOf('=');
      if (at <= 0) {
        inv.io.err(`error: invalid label spec: ${pair}`);
        return 1;
      }
      labels[pair.slice(0, at)] = pair.slice(at + 1);
    }
  const port = str(p, 'port');
  const env = list(p, 'env').map((e) => {
    const at = e.indexOf('=');
    return { name: at < 0 ? e : e.slice(0, at), value: at < 0 ? '' : e.slice(at + 1) };
  });
  const pull = str(p, 'image-pull-policy');
  const container: Obj = {
    name,
    image,
    ...(extra.length > 0 ? { [bool(p, 'command') ? 'command' : 'args']: extra } : {}),
    ...(port !== undefined ? { ports: [{ containerPort: Number(port) }] } : {}),
    ...(env.length > 0 ? { env } : {}),
    resources: {},
    ...(pull !== undefined ? { imagePullPolicy: pull } : {}),
  };
  const pod: Obj = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { ...generatedMeta(name, p), labels },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  return createAndPrint(inv, p, 'pods', pod, null, connect);
}

/** The `kubectl run` verb. */
export function runVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Run a particular image on the cluster',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
