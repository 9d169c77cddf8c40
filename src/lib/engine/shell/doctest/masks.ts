/**
 * What may legitimately differ between two runs of the same guide on different machines, and why.
 * A mask rewrites a matching part of a line to a placeholder on BOTH sides (the page's expected
 * output and what the machine printed) before they are compared, so `10.0.0.11` and `127.0.0.1`
 * compare equal as `<ip>`, but a missing line, another word or another exit code still fails.
 *
 * The simulator is deterministic, so `--backend sim` compares exactly (no masks: a mask there
 * would only hide regressions); `--backend host` applies {@link RUN_MASKS}. Extra tolerance sets
 * (such as the etcd 3.4 differences in etcd-versions.ts) are opt-in and always named in the
 * report. Order matters: the table is applied top to bottom (dates before hex bytes, because an
 * `HH:MM:SS` time looks like hex bytes).
 */

/** One tolerated difference: what it matches, what it becomes, and why it may differ. */
export interface Mask {
  /** Short name, printed in reports when the mask changed a line. */
  readonly name: string;
  /** Why this legitimately differs between runs or machines (shown in docs/real-machines.md). */
  readonly reason: string;
  /** What is masked (global flag required). */
  readonly pattern: RegExp;
  /** The placeholder (may use `$1` groups). */
  readonly replacement: string;
  /** Only for snippets one of whose commands matches this (e.g. `etcdctl … endpoint status`). */
  readonly commands?: RegExp;
  /** Drop every line the pattern matches (on both sides) instead of replacing the match. */
  readonly drop?: boolean;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** Kubernetes' random name alphabet (k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3). */
const RAND = '[bcdfghjklmnpqrstvwxz2456789]';

/** The masks `--backend host` applies by default, in the order they are applied. */
export const RUN_MASKS: readonly Mask[] = [
  {
    name: 'klog-header',
    reason:
      'klog prefixes log lines with severity, date, time, PID and source file:line; all differ per run and per build',
    pattern: /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ [^\]\s]+\] /gm,
    replacement: '<klog> ',
  },
  {
    name: 'timestamp',
    reason:
      'RFC 3339 / ISO 8601 times and the Unix times of JSON logs ("ts":1795597384.88) are when the command ran',
    pattern:
      /\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d| UTC| \+0000 UTC)?|(?<="ts":)\d{9,10}\.\d+/g,
    replacement: '<timestamp>',
  },
  {
    name: 'certificate-date',
    reason:
      "openssl's notBefore/notAfter and kubeadm's expiry columns: a certificate is valid from when it was made",
    pattern: new RegExp(
      `\\b${MONTH} (?:[ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} GMT|\\d\\d, \\d{4} \\d\\d:\\d\\d UTC)`,
      'g',
    ),
    replacement: '<date>',
  },
  {
    name: 'temp-dir',
    reason: 'mktemp names and kubeadm backup/upgrade folders carry a random or time-stamped suffix',
    pattern:
      /(tmp\.)[A-Za-z0-9]{10}\b|(kubeadm-(?:backup-etcd|backup-manifests|upgraded-manifests))[-0-9]+/g,
    replacement: '$1$2<random>',
  },
  {
    name: 'bootstrap-token',
    reason: 'bootstrap tokens ([a-z0-9]{6}.[a-z0-9]{16}) are random',
    pattern: /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g,
    replacement: '<token>',
  },
  {
    name: 'sha256-hash',
    reason: "the CA public key hash (--discovery-token-ca-cert-hash) follows the cluster's own CA",
    pattern: /\bsha256:[0-9a-f]{64}\b/g,
    replacement: 'sha256:<hash>',
  },
  {
    name: 'hex-bytes',
    reason:
      'certificate serials, key identifiers, moduli, signatures and fingerprints (colon-separated hex) differ per key',
    pattern: /\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){3,}\b/g,
    replacement: '<hex-bytes>',
  },
  {
    name: 'certificate-serial',
    reason: 'serial numbers printed as one number (`-serial`, short serials in `-text`) are random',
    pattern: /\b(serial=)[0-9A-F]+\b|(Serial Number: )\d+ \(0x[0-9a-f]+\)/g,
    replacement: '$1$2<serial>',
  },
  {
    name: 'long-hex',
    reason:
      'digests and keys printed as plain hex (certificate keys, `openssl dgst`, snapshot hashes) follow their random input',
    pattern: /\b[0-9a-f]{32,}\b/g,
    replacement: '<hex>',
  },
  {
    name: 'etcd-id',
    reason:
      'etcd member and cluster IDs are hashes of the peer URLs and the cluster token, different on every set of machines',
    pattern: /\b[0-9a-f]{16}\b/g,
    replacement: '<id>',
  },
  {
    name: 'ip-address',
    reason: "machine addresses are the lab's (the guides use 10.0.0.11 …; yours differ)",
    pattern: /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
    replacement: '<ip>',
  },
  {
    name: 'pod-suffix',
    reason:
      'controllers name pods with a random 5-character suffix (and ReplicaSets with a pod-template hash) from an alphabet without vowels',
    pattern: new RegExp(`(?<=[a-z0-9])-(?:${RAND}{6,10}-)?${RAND}{5}\\b`, 'g'),
    replacement: '-<suffix>',
  },
  {
    name: 'duration',
    reason:
      'measured durations (`took = 8.8ms`, Go durations) depend on the machine and the moment',
    pattern: /\b\d+(?:\.\d+)?(?:ns|µs|us|ms)\b|\b\d+\.\d+s\b/g,
    replacement: '<duration>',
  },
  {
    name: 'age',
    reason: "kubectl's AGE and the certificates' RESIDUAL TIME count from when things were made",
    pattern: /\b\d+[smhdy](?:\d+[smh])?\b/g,
    replacement: '<age>',
  },
  {
    name: 'etcd-data-stats',
    reason:
      "an etcd's hash, revision, key count, sizes, raft term and index follow its data, and which member leads follows the election",
    pattern: /(?<=\| *)(?:[0-9a-f]{8}|\d+(?:\.\d+)?(?: ?[kMG]?B)?|true|false)(?= *\|)/g,
    replacement: '<n>',
    commands: /\b(?:snapshot|endpoint) status\b/,
  },
  {
    name: 'table-rule',
    reason: "etcdctl's table borders follow the width of the widest (masked) cell",
    pattern: /-{3,}/g,
    replacement: '---',
  },
  {
    name: 'column-padding',
    reason: 'table columns are padded to their widest cell, whose width the masks above change',
    pattern: / {2,}/g,
    replacement: ' ',
  },
];

/** Applies `masks` to one line; also returns the names of the masks that changed it. */
export function maskLine(
  line: string,
  masks: readonly Mask[],
): { readonly text: string; readonly applied: readonly string[] } {
  let text = line;
  const applied: string[] = [];
  for (const mask of masks) {
    if (mask.drop) continue;
    const next = text.replace(mask.pattern, mask.replacement);
    if (next !== text) applied.push(mask.name);
    text = next;
  }
  return { text, applied };
}

/** The name of the first dropping mask that matches `line`, if any. */
export function droppedBy(line: string, masks: readonly Mask[]): string | undefined {
  return masks.find(
    (m) => m.drop && new RegExp(m.pattern.source, m.pattern.flags.replace('g', '')).test(line),
  )?.name;
}

/** The masks that apply to a snippet made of `commands` (unscoped ones, and scoped ones that match). */
export function masksFor(masks: readonly Mask[], commands: readonly string[]): Mask[] {
  return masks.filter((m) => !m.commands || commands.some((c) => m.commands?.test(c)));
}
