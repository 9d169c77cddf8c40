/**
 * kubectl's answer when there is no API server to talk to.
 */
import { EngineError } from '../errors.ts';
import { type Rejected, fail } from '../commands/result.ts';

/** The "connection to the server localhost:8080 was refused" failure. */
export function noKubeconfig(server = 'localhost:8080'): Rejected {
  return fail(new EngineError('KubectlConnectionRefused', { server }));
}
