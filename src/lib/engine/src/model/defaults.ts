/**
 * Engine-wide defaults. The default Kubernetes version lives here and only here, so the release
 * catalog can replace it in one place.
 */

/**
 * Kubernetes version used when nothing else is asked for (packages installed without a pin,
 * `kubeadm init` without `--kubernetes-version`): the release catalog's newest stable patch.
 */
export { DEFAULT_KUBERNETES_VERSION } from './releases.ts';

/** Debian package revision the pkgs.k8s.io repositories use (`1.36.4-1.1`). */
export const DEFAULT_PACKAGE_REVISION = '1.1';

/** Simulated wall clock at the start of every fresh session (ISO 8601, UTC). */
export const DEFAULT_CLOCK_START = '2026-11-25T09:00:00Z';

/** Seed of the deterministic random number generator of a fresh session. */
export const DEFAULT_SEED = 1;

/** Name of the scenario a session starts from when none is given. */
export const DEFAULT_SCENARIO = 'bare-machines';
