/**
 * `kubectl create secret docker-registry NAME --docker-username --docker-password
 * [--docker-email] [--docker-server]`: a Secret of type kubernetes.io/dockerconfigjson whose
 * `.dockerconfigjson` is the JSON kubectl marshals, `{"auths":{SERVER:{"username",
 * "password","email","auth"}}}` with empty fields left out and `auth` = base64(user:password);
 * the server defaults to Docker Hub's. `--from-file` takes the file sources as `secret generic`
 * does.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret_docker.go
 * (Validate, handleDockerCfgJSONContent, encodeDockerConfigFieldAuth; DockerConfigEntry's
 * `omitempty` tags), create_secret.go (newSecretObj).
 */
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { base64 } from '../materialize.ts';
import type { Invocation } from '../types.ts';
import { buildGenericSecret, generatedMeta, type Built } from './kubectl-create-data.ts';

/** corev1.SecretTypeDockerConfigJson. */
const DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson';

const flag = (name: string, usage: string): FlagSpec => ({ name, type: 'string', usage });

/** Flags of `create secret docker-registry`. */
export const DOCKER_FLAGS: FlagSpec[] = [
  flag('docker-username', 'Username for Docker registry authentication'),
  flag('docker-password', 'Password for Docker registry authentication'),
  flag('docker-email', 'Email for Docker registry'),
  flag('docker-server', 'Server location for Docker registry'),
  {
    name: 'from-file',
    type: 'strings',
    usage:
      'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.',
  },
  { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.' },
];

/** Go's json.Marshal escapes <, > and & (HTMLEscape). */
function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** The Secret `create secret docker-registry NAME` builds. */
export async function buildDockerRegistrySecret(
  inv: Invocation,
  p: ParsedFlags,
  name: string,
): Promise<Built> {
  const username = str(p, 'docker-username') ?? '';
  const password = str(p, 'docker-password') ?? '';
  const email = str(p, 'docker-email') ?? '';
  const server = str(p, 'docker-server') ?? 'https://index.docker.io/v1/';
  const files = list(p, 'from-file');
  if (files.length === 0 && (username === '' || password === '' || server === ''))
    return {
      error:
        'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    };
  if (files.length > 0) {
    const built = await buildGenericSecret(inv, p, name);
    return 'error' in built ? built : { object: { ...built.object, type: DOCKER_CONFIG_JSON } };
  }
  const entry = {
    ...(username !== '' ? { username } : {}),
    ...(password !== '' ? { password } : {}),
    ...(email !== '' ? { email } : {}),
    auth: base64(`${username}:${password}`),
  };
  return {
    object: {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: generatedMeta(name, p),
      data: { '.dockerconfigjson': base64(goJson({ auths: { [server]: entry } })) },
      type: DOCKER_CONFIG_JSON,
    },
  };
}
