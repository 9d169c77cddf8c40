/**
 * The error kubeadm commands that need a cluster print on a machine without admin.conf.
 */
import { EngineError } from '../errors.ts';

/** kubeadm's error when /etc/kubernetes/admin.conf is missing (token, upgrade, …). */
export function noClusterError(): EngineError {
  return new EngineError('Kubeadm', {
    message:
      'failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory',
  });
}
