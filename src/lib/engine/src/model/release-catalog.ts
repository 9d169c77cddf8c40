/**
 * The release catalog: every Kubernetes minor from v1.20 to the newest, as plain JSON-able data.
 * This is the ONE place release facts live; everything else (labels, images, policy defaults)
 * derives from it.
 *
 * Sources, per field (see `evidence` and `unverified` on each entry):
 * - patches: the TOC of kubernetes/kubernetes CHANGELOG/CHANGELOG-1.NN.md and the
 *   `finalPatchRelease` of kubernetes/website data/releases/eol.yaml (1.20-1.31). For 1.32-1.37
 *   the stored CHANGELOG copies stop early (1.36 at v1.36.0, 1.37 at alpha.1); CHANGELOG-1.38's
 *   v1.38.0-alpha.1 section is "Changelog since v1.37.0", which proves v1.37.0 shipped. Later
 *   patches (1.32.13, 1.33.12, 1.34.11, 1.35.8, 1.36.4, 1.37.1) come from secondary sources
 *   (release-tracking pages and distro manifests) and are marked `secondary`.
 * - releaseDate / endOfLife: kubernetes/website data/releases/schedule.yaml and eol.yaml
 *   (1.20-1.31 EOL from eol.yaml; 1.32+ are the schedule's 28th-of-the-month targets).
 * - etcd: kubeadm's SupportedEtcdVersion[minor] in cmd/kubeadm/app/constants/constants.go, the
 *   newest value seen for that minor (release branches receive etcd patch backports, e.g. the
 *   1.32-era map holds 29..32 -> "3.5.24-0", the 1.34-era map 31..33 -> "3.5.24-0", 34 -> "3.6.5-0",
 *   and a later master bump 34..36 -> "3.6.9-0").
 * - coreDNS / pause: kubeadm's CoreDNSVersion / PauseVersion constants of that minor.
 * - imageRepository: kubeadm's DefaultImageRepository; registry.k8s.io since v1.25 (k8s.gcr.io
 *   before; later 1.22-1.24 patches also switched, not modelled).
 * - v1.38 has only alpha tags: it is listed with `preReleases` and no stable patch.
 */

/** One Kubernetes minor release line. Plain data. */
export interface MinorRelease {
  /** "1.31" */
  readonly minor: string;
  /** ISO date of vX.Y.0, or null while the minor has only pre-releases. */
  readonly releaseDate: string | null;
  /** ISO end-of-life date (eol.yaml, or the schedule's target), null if not scheduled. */
  readonly endOfLife: string | null;
  /** Stable patch releases, oldest first ("v1.31.0" ... ). Empty for a pre-release-only minor. */
  readonly patches: readonly string[];
  /** Pre-release tags (alpha/beta/rc) still relevant for `latest` labels; oldest first. */
  readonly preReleases: readonly string[];
  /** etcd image tag kubeadm deploys for this minor (SupportedEtcdVersion). */
  readonly etcd: string;
  /** CoreDNS image tag kubeadm deploys for this minor (CoreDNSVersion). */
  readonly coreDNS: string;
  /** pause image tag kubeadm uses for this minor (PauseVersion). */
  readonly pause: string;
  /** kubeadm's default image repository for this minor. */
  readonly imageRepository: string;
  /** Where the patch list came from: eol.yaml, changelog, secondary (or combinations). */
  readonly evidence: string;
  /** Fields not verified against a primary upstream source in this catalog's research. */
  readonly unverified: readonly string[];
}

/** Every minor from v1.20 to the newest, oldest first. */
export const releaseCatalog: readonly MinorRelease[] = [
  {
    minor: '1.20',
    releaseDate: '2020-12-08',
    endOfLife: '2022-02-28',
    patches: [
      'v1.20.0',
      'v1.20.1',
      'v1.20.2',
      'v1.20.3',
      'v1.20.4',
      'v1.20.5',
      'v1.20.6',
      'v1.20.7',
      'v1.20.8',
      'v1.20.9',
      'v1.20.10',
      'v1.20.11',
      'v1.20.12',
      'v1.20.13',
      'v1.20.14',
      'v1.20.15',
    ],
    preReleases: [],
    etcd: '3.4.13-0',
    coreDNS: '1.7.0',
    pause: '3.2',
    imageRepository: 'k8s.gcr.io',
    evidence: 'eol.yaml',

    unverified: [],
  },

  {
    minor: '1.21',
    releaseDate: '2021-04-08',
    endOfLife: '2022-06-28',
    patches: [
      'v1.21.0',
      'v1.21.1',
      'v1.21.2',
      'v1.21.3',
      'v1.21.4',
      'v1.21.5',
      'v1.21.6',
      'v1.21.7',
      'v1.21.8',
      'v1.21.9',
      'v1.21.10',
      'v1.21.11',
      'v1.21.12',
      'v1.21.13',
      'v1.21.14',
    ],
    preReleases: [],
    etcd: '3.4.13-0',
    coreDNS: 'v1.8.0',
    pause: '3.4.1',
    imageRepository: 'k8s.gcr.io',
    evidence: 'eol.yaml',

    unverified: [],
  },

  {
    minor: '1.22',
    releaseDate: '2021-08-04',
    endOfLife: '2022-12-08',
    patches: [
      'v1.22.0',
      'v1.22.1',
      'v1.22.2',
      'v1.22.3',
      'v1.22.4',
      'v1.22.5',
      'v1.22.6',
      'v1.22.7',
      'v1.22.8',
      'v1.22.9',
      'v1.22.10',
      'v1.22.11',
      'v1.22.12',
      'v1.22.13',
      'v1.22.14',
      'v1.22.15',
      'v1.22.16',
      'v1.22.17',
    ],
    preReleases: [],
    etcd: '3.5.6-0',
    coreDNS: 'v1.8.4',
    pause: '3.5',
    imageRepository: 'k8s.gcr.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (3.5.6-0 after backport; 3.5.0-0 at .0)'],
  },

  {
    minor: '1.23',
    releaseDate: '2021-12-07',
    endOfLife: '2023-02-28',
    patches: [
      'v1.23.0',
      'v1.23.1',
      'v1.23.2',
      'v1.23.3',
      'v1.23.4',
      'v1.23.5',
      'v1.23.6',
      'v1.23.7',
      'v1.23.8',
      'v1.23.9',
      'v1.23.10',
      'v1.23.11',
      'v1.23.12',
      'v1.23.13',
      'v1.23.14',
      'v1.23.15',
      'v1.23.16',
      'v1.23.17',
    ],
    preReleases: [],
    etcd: '3.5.6-0',
    coreDNS: 'v1.8.6',
    pause: '3.6',
    imageRepository: 'k8s.gcr.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (3.5.6-0 after backport; 3.5.1-0 at .0)'],
  },

  {
    minor: '1.24',
    releaseDate: '2022-05-03',
    endOfLife: '2023-07-28',
    patches: [
      'v1.24.0',
      'v1.24.1',
      'v1.24.2',
      'v1.24.3',
      'v1.24.4',
      'v1.24.5',
      'v1.24.6',
      'v1.24.7',
      'v1.24.8',
      'v1.24.9',
      'v1.24.10',
      'v1.24.11',
      'v1.24.12',
      'v1.24.13',
      'v1.24.14',
      'v1.24.15',
      'v1.24.16',
      'v1.24.17',
    ],
    preReleases: [],
    etcd: '3.5.6-0',
    coreDNS: 'v1.8.6',
    pause: '3.7',
    imageRepository: 'k8s.gcr.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (3.5.6-0 after backport; 3.5.3-0 at .0)'],
  },

  {
    minor: '1.25',
    releaseDate: '2022-08-23',
    endOfLife: '2023-10-28',
    patches: [
      'v1.25.0',
      'v1.25.1',
      'v1.25.2',
      'v1.25.3',
      'v1.25.4',
      'v1.25.5',
      'v1.25.6',
      'v1.25.7',
      'v1.25.8',
      'v1.25.9',
      'v1.25.10',
      'v1.25.11',
      'v1.25.12',
      'v1.25.13',
      'v1.25.14',
      'v1.25.15',
      'v1.25.16',
    ],
    preReleases: [],
    etcd: '3.5.6-0',
    coreDNS: 'v1.9.3',
    pause: '3.8',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (3.5.6-0 after backport; 3.5.4-0 at .0)'],
  },

  {
    minor: '1.26',
    releaseDate: '2022-12-09',
    endOfLife: '2024-02-28',
    patches: [
      'v1.26.0',
      'v1.26.1',
      'v1.26.2',
      'v1.26.3',
      'v1.26.4',
      'v1.26.5',
      'v1.26.6',
      'v1.26.7',
      'v1.26.8',
      'v1.26.9',
      'v1.26.10',
      'v1.26.11',
      'v1.26.12',
      'v1.26.13',
      'v1.26.14',
      'v1.26.15',
    ],
    preReleases: [],
    etcd: '3.5.10-0',
    coreDNS: 'v1.9.3',
    pause: '3.9',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (backported value)'],
  },

  {
    minor: '1.27',
    releaseDate: '2023-04-11',
    endOfLife: '2024-07-16',
    patches: [
      'v1.27.0',
      'v1.27.1',
      'v1.27.2',
      'v1.27.3',
      'v1.27.4',
      'v1.27.5',
      'v1.27.6',
      'v1.27.7',
      'v1.27.8',
      'v1.27.9',
      'v1.27.10',
      'v1.27.11',
      'v1.27.12',
      'v1.27.13',
      'v1.27.14',
      'v1.27.15',
      'v1.27.16',
    ],
    preReleases: [],
    etcd: '3.5.12-0',
    coreDNS: 'v1.10.1',
    pause: '3.9',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (backported value)'],
  },

  {
    minor: '1.28',
    releaseDate: '2023-08-15',
    endOfLife: '2024-10-22',
    patches: [
      'v1.28.0',
      'v1.28.1',
      'v1.28.2',
      'v1.28.3',
      'v1.28.4',
      'v1.28.5',
      'v1.28.6',
      'v1.28.7',
      'v1.28.8',
      'v1.28.9',
      'v1.28.10',
      'v1.28.11',
      'v1.28.12',
      'v1.28.13',
      'v1.28.14',
      'v1.28.15',
    ],
    preReleases: [],
    etcd: '3.5.15-0',
    coreDNS: 'v1.10.1',
    pause: '3.9',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml',

    unverified: ['etcd (backported value)'],
  },

  {
    minor: '1.29',
    releaseDate: '2023-12-13',
    endOfLife: '2025-02-28',
    patches: [
      'v1.29.0',
      'v1.29.1',
      'v1.29.2',
      'v1.29.3',
      'v1.29.4',
      'v1.29.5',
      'v1.29.6',
      'v1.29.7',
      'v1.29.8',
      'v1.29.9',
      'v1.29.10',
      'v1.29.11',
      'v1.29.12',
      'v1.29.13',
      'v1.29.14',
      'v1.29.15',
    ],
    preReleases: [],
    etcd: '3.5.16-0',
    coreDNS: 'v1.11.1',
    pause: '3.9',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml+secondary',

    unverified: [
      'etcd (backported value)',
      'patches (eol.yaml says final 1.29.14; 1.29.15 seen in distro manifests)',
    ],
  },

  {
    minor: '1.30',
    releaseDate: '2024-04-17',
    endOfLife: '2025-07-15',
    patches: [
      'v1.30.0',
      'v1.30.1',
      'v1.30.2',
      'v1.30.3',
      'v1.30.4',
      'v1.30.5',
      'v1.30.6',
      'v1.30.7',
      'v1.30.8',
      'v1.30.9',
      'v1.30.10',
      'v1.30.11',
      'v1.30.12',
      'v1.30.13',
      'v1.30.14',
    ],
    preReleases: [],
    etcd: '3.5.24-0',
    coreDNS: 'v1.11.3',
    pause: '3.9',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml',

    unverified: [],
  },

  {
    minor: '1.31',
    releaseDate: '2024-08-13',
    endOfLife: '2025-11-11',
    patches: [
      'v1.31.0',
      'v1.31.1',
      'v1.31.2',
      'v1.31.3',
      'v1.31.4',
      'v1.31.5',
      'v1.31.6',
      'v1.31.7',
      'v1.31.8',
      'v1.31.9',
      'v1.31.10',
      'v1.31.11',
      'v1.31.12',
      'v1.31.13',
      'v1.31.14',
    ],
    preReleases: [],
    etcd: '3.5.24-0',
    coreDNS: 'v1.11.3',
    pause: '3.10',
    imageRepository: 'registry.k8s.io',
    evidence: 'eol.yaml',

    unverified: [],
  },

  {
    minor: '1.32',
    releaseDate: '2024-12-11',
    endOfLife: '2026-02-28',
    patches: [
      'v1.32.0',
      'v1.32.1',
      'v1.32.2',
      'v1.32.3',
      'v1.32.4',
      'v1.32.5',
      'v1.32.6',
      'v1.32.7',
      'v1.32.8',
      'v1.32.9',
      'v1.32.10',
      'v1.32.11',
      'v1.32.12',
      'v1.32.13',
    ],
    preReleases: [],
    etcd: '3.5.24-0',
    coreDNS: 'v1.11.3',
    pause: '3.10',
    imageRepository: 'registry.k8s.io',
    evidence: 'secondary',

    unverified: ['patches after v1.32.0 (secondary)', 'endOfLife (schedule target)'],
  },

  {
    minor: '1.33',
    releaseDate: '2025-04-23',
    endOfLife: '2026-06-28',
    patches: [
      'v1.33.0',
      'v1.33.1',
      'v1.33.2',
      'v1.33.3',
      'v1.33.4',
      'v1.33.5',
      'v1.33.6',
      'v1.33.7',
      'v1.33.8',
      'v1.33.9',
      'v1.33.10',
      'v1.33.11',
      'v1.33.12',
    ],
    preReleases: [],
    etcd: '3.5.24-0',
    coreDNS: 'v1.12.0',
    pause: '3.10',
    imageRepository: 'registry.k8s.io',
    evidence: 'secondary',

    unverified: ['patches after v1.33.6 (secondary)', 'endOfLife (schedule target)'],
  },

  {
    minor: '1.34',
    releaseDate: '2025-08-27',
    endOfLife: '2026-10-27',
    patches: [
      'v1.34.0',
      'v1.34.1',
      'v1.34.2',
      'v1.34.3',
      'v1.34.4',
      'v1.34.5',
      'v1.34.6',
      'v1.34.7',
      'v1.34.8',
      'v1.34.9',
      'v1.34.10',
      'v1.34.11',
    ],
    preReleases: [],
    etcd: '3.6.9-0',
    coreDNS: 'v1.12.1',
    pause: '3.10.1',
    imageRepository: 'registry.k8s.io',
    evidence: 'secondary',

    unverified: ['patches (secondary)', 'endOfLife (schedule target)', 'coreDNS'],
  },

  {
    minor: '1.35',
    releaseDate: '2025-12-17',
    endOfLife: '2027-02-28',
    patches: [
      'v1.35.0',
      'v1.35.1',
      'v1.35.2',
      'v1.35.3',
      'v1.35.4',
      'v1.35.5',
      'v1.35.6',
      'v1.35.7',
      'v1.35.8',
    ],
    preReleases: [],
    etcd: '3.6.9-0',
    coreDNS: 'v1.13.1',
    pause: '3.10.1',
    imageRepository: 'registry.k8s.io',
    evidence: 'secondary',

    unverified: ['patches (secondary)', 'endOfLife (schedule target)', 'coreDNS', 'pause'],
  },

  {
    minor: '1.36',
    releaseDate: '2026-04-22',
    endOfLife: '2027-06-28',
    patches: ['v1.36.0', 'v1.36.1', 'v1.36.2', 'v1.36.3', 'v1.36.4'],
    preReleases: [],
    etcd: '3.6.9-0',
    coreDNS: 'v1.13.1',
    pause: '3.10.1',
    imageRepository: 'registry.k8s.io',
    evidence: 'changelog+secondary',

    unverified: [
      'patches after v1.36.0 (secondary)',
      'releaseDate',
      'endOfLife (schedule target)',
      'coreDNS',
      'pause',
    ],
  },

  {
    minor: '1.37',
    releaseDate: '2026-08-26',
    endOfLife: '2027-10-28',
    patches: ['v1.37.0', 'v1.37.1'],
    preReleases: [],
    etcd: '3.7.0-0',
    coreDNS: 'v1.13.1',
    pause: '3.10.1',
    imageRepository: 'registry.k8s.io',
    evidence: 'changelog+secondary',

    unverified: [
      'v1.37.1 (secondary)',
      'releaseDate',
      'endOfLife (schedule target)',
      'etcd',
      'coreDNS',
      'pause',
    ],
  },
  {
    minor: '1.38',
    releaseDate: null,
    endOfLife: null,
    patches: [],
    preReleases: ['v1.38.0-alpha.1', 'v1.38.0-alpha.2'],
    etcd: '3.7.0-0',
    coreDNS: 'v1.13.1',
    pause: '3.10.1',
    imageRepository: 'registry.k8s.io',
    evidence: 'changelog',
    unverified: ['etcd', 'coreDNS', 'pause'],
  },
];
