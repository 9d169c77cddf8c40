/**
 * The join command kubeadm prints (cmd/kubeadm/app/cmd/util/join.go, joinCommandTemplate):
 * a backslash-continued command with tab-indented continuation lines. Note the trailing space
 * after each hash, as the template renders it.
 */

/** Inputs for the join command. */
export interface JoinCommandInput {
  readonly endpoint: string;
  readonly token: string;
  readonly caHash: string;
  readonly controlPlane?: boolean;
  readonly certificateKey?: string | null;
}

/** Multi-line form printed at the end of `kubeadm init`. */
export function formatJoinCommand(i: JoinCommandInput): string {
  let out = `kubeadm join ${i.endpoint} --token ${i.token} \\\n\t--discovery-token-ca-cert-hash sha256:${i.caHash} `;
  if (i.controlPlane) {
    out += `\\\n\t--control-plane ${i.certificateKey ? `--certificate-key ${i.certificateKey}` : ''}`;
  }
  return out;
}

/** Single-line form `kubeadm token create --print-join-command` prints (continuations removed). */
export function formatJoinCommandOneLine(i: JoinCommandInput): string {
  return formatJoinCommand(i).replaceAll('\\\n', '').replaceAll('\t', '');
}

/** Formats nanoseconds like Go's time.Duration.String() ("502.265919ms", "1.002154512s"). */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1_000_000_000) {
    const ms = ns / 1_000_000;
    return `${trim(ms.toFixed(6))}ms`;
  }
  const s = ns / 1_000_000_000;
  if (s < 60) return `${trim(s.toFixed(9))}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s - h * 3600) / 60);
  return `${h > 0 ? `${h}h` : ''}${m}m${trim((s - h * 3600 - m * 60).toFixed(9))}s`;
}

function trim(n: string): string {
  return n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n;
}
