/**
 * The Deployment `kubectl create deployment NAME --image=IMAGE… [--replicas=N] [--port=P]`
 * builds: label and selector `app: NAME`, one container per image named after the image (its
 * last path element without tag or digest), the port on the first container; keys in the Go
 * field order of the typed object (`-o json` prints it so).
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go
 * (createDeployment, buildPodSpec, sanitizeAndUniquify; `--image` is a required flag).
 */
import type { Json } from '../../src/index.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { generatedMeta, type Built } from './kubectl-create-data.ts';
import { intFlagValue } from '../go-parse-int.ts';

type Obj = Record<string, Json>;

/** Flags of `create deployment`. */
export const DEPLOYMENT_FLAGS: FlagSpec[] = [
  {
    name: 'image',
    type: 'strings',
    usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
  },
  {
    name: 'replicas',
    short: 'r',
    type: 'string',
    usage: 'Number of replicas to create. Default is 1.',
  },
  { name: 'port', type: 'string', usage: 'The containerPort that this deployment exposes.' },
];

/** The container name kubectl derives from an image reference. */
export function containerName(image: string): string {
  const last = image.split('/').pop() ?? image;
  return (last.split(':')[0] ?? last).split('@')[0]?.replace(/_/g, '-') ?? last;
}

/** The Deployment `create deployment NAME` builds. */
export function buildDeployment(_inv: Invocation, p: ParsedFlags, name: string): Built {
  const images = list(p, 'image');
  if (images.length === 0) return { error: 'error: required flag(s) "image" not set' };
  // --replicas is an Int32VarP.
  const replicasFlag = intFlagValue(
    str(p, 'replicas') ?? '1',
    '-r, --replicas',
    'kubectl create deployment',
    32,
  );
  if ('error' in replicasFlag) return { error: `error: ${replicasFlag.error}` };
  const port = str(p, 'port');
  const used = new Set<string>();
  const containers: Obj[] = images.map((image, i) => {
    let c = containerName(image);
    for (let n = 1; used.has(c); n++) c = `${containerName(image)}-${n}`;
    used.add(c);
    return {
      name: c,
      image,
      ...(i === 0 && port !== undefined && port !== '-1'
        ? { ports: [{ containerPort: Number(port) }] }
        : {}),
      resources: {},
    };
  });
  const labels = { app: name };
  return {
    object: {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { ...generatedMeta(name, p), labels },
      spec: {
        replicas: replicasFlag.value,
        selector: { matchLabels: labels },
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    },
  };
}
