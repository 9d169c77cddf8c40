/**
 * The image pre-pull notice kubeadm prints in its preflight (init, control-plane join, upgrade
 * apply, upgrade node): cmd/kubeadm/app/cmd/phases/init/preflight.go and its siblings.
 */
import { log, type EngineEvent } from '../events.ts';

/** The three pre-pull lines under `prefix` (`preflight` or `upgrade/preflight`). */
export function imagePullEvents(prefix: 'preflight' | 'upgrade/preflight'): EngineEvent[] {
  return [
    log(prefix, 'Pulling images required for setting up a Kubernetes cluster'),
    log(
      prefix,
      'This might take a minute or two, depending on the speed of your internet connection',
    ),
    log(prefix, "You can also perform this action beforehand using 'kubeadm config images pull'"),
  ];
}
