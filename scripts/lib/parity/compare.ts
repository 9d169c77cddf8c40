/**
 * How the parity suite compares the simulator's kubectl with the real one: stdout, stderr and
 * the exit code, exactly, after the masks below, each with the reason the difference is not the
 * simulator's. Everything else that differs is a difference.
 */
import type { LineResult } from './real-kubectl.ts';

/** A named rewrite applied to both sides before comparing. */
export interface ParityMask {
  readonly name: string;
  readonly reason: string;
  readonly apply: (text: string) => string;
}

/** Sorts each run of consecutive lines that match `re` (order the real tool does not fix). */
function sortRuns(text: string, re: RegExp): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    out.push(...run.sort());
    run = [];
  };
  for (const l of lines) {
    if (re.test(l)) run.push(l);
    else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out.join('\n');
}

/**
 * `kubectl events` tables: the LAST SEEN cell of each row becomes `<age>` and runs of spaces one
 * space (the ages set the column's width). Columns are found from the header's offsets.
 */
function maskEventAges(text: string): string {
  const lines = text.split('\n');
  let cols: { from: number; to: number } | null = null;
  return lines
    .map((l) => {
      const header = /^(NAMESPACE +)?LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/.exec(l);
      if (header) {
        cols = { from: l.indexOf('LAST SEEN'), to: l.indexOf('TYPE') };
        return l.replace(/ {2,}/g, ' ');
      }
      if (cols === null || l === '' || l.startsWith('--- ')) {
        cols = null;
        return l;
      }
      return `${l.slice(0, cols.from)}<age> ${l.slice(cols.to)}`.replace(/ {2,}/g, ' ');
    })
    .join('\n');
}

/** The Age column of `kubectl describe`'s Events table (and the width it sets) as `<age>`. */
function maskDescribeEventAges(text: string): string {
  let cols: { from: number; to: number } | null = null;
  return text
    .split('\n')
    .map((l) => {
      if (/^ {2}Type +Reason +Age +From +Message$/.test(l)) {
        cols = { from: l.indexOf('Age'), to: l.indexOf('From') };
        return l.replace(/ {2,}/g, ' ');
      }
      if (cols === null || !l.startsWith('  ')) {
        cols = null;
        return l;
      }
      return `${l.slice(0, cols.from)}<age> ${l.slice(cols.to)}`.replace(/ {2,}/g, ' ');
    })
    .join('\n');
}

/**
 * The Events parts (`Events:` and the table under it) of a describe output that covers several
 * objects (more than one top-level `Name:`), a prefix match (each match ends with a blank line)
 * or objects beside a missing one (NotFound on stderr); other outputs unchanged.
 */
function maskSeveralDescribeEvents(text: string): string {
  const [out = '', err = ''] = text.split('\n--- stderr ---\n');
  const names = (out.match(/^Name:/gm) ?? []).length;
  const several = names > 1 || out.endsWith('\n\n') || (names > 0 && err.includes('(NotFound)'));
  return several ? text.replace(/^Events:.*\n(?: {2}.*\n)*/gm, '') : text;
}

/** The masks, with reasons. */
export const PARITY_MASKS: readonly ParityMask[] = [
  {
    name: 'final-newline',
    reason:
      "kubectl -o jsonpath prints no newline after its last character; the simulated terminal always ends a command's output before the next prompt",
    apply: (t) => t.replace(/([^\n])\n--- stderr ---/, '$1\n\n--- stderr ---'),
  },
  {
    name: 'kyaml-format',
    reason:
      'kubectl v1.34 added kyaml to the output formats it lists (json_yaml_flags.go); a judge older than the simulated release lists one format less',
    apply: (t) => t.replace(/(allowed formats are: [^\n]*?),kyaml/, '$1'),
  },
  {
    name: 'drain-eviction-order',
    reason:
      'kubectl drain evicts pods concurrently (staging/src/k8s.io/kubectl/pkg/drain/drain.go evictPods starts one goroutine per pod), so the order of its "evicting pod" and "evicted" lines changes from run to run',
    apply: (t) => sortRuns(sortRuns(t, /^evicting pod /), /^pod\/\S+ evicted$/),
  },
  {
    name: 'drain-warning-order',
    reason:
      "kubectl drain groups its warnings in a Go map (staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDeleteList.Warnings ranges over it), so with several reasons the order of the '; '-separated parts changes from run to run",
    apply: (t) =>
      t.replace(
        /^Warning: (.*; .*)$/gm,
        (_m, parts: string) => `Warning: ${parts.split('; ').sort().join('; ')}`,
      ),
  },
  {
    name: 'klog-header',
    reason:
      "klog prefixes kubectl's own log lines with the time, the process id and the source file:line of the build (the judge's wall clock, pid and client-go lines, the simulator's clock)",
    apply: (t) => t.replace(/^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ [^\]\s]+\] /gm, '<klog> '),
  },
  {
    name: 'discovery-error-form',
    reason:
      'client-go v1.34 moved memcache.go\'s discovery failure from HandleError ("Unhandled Error" err="couldn\'t get current server API group list: …") to HandleErrorWithContext ("Couldn\'t get current server API group list" err="…"); a judge older than v1.34 prints the older form of the same failure',
    apply: (t) =>
      t.replace(
        /^<klog> "Unhandled Error" err="couldn't get current server API group list: (.*)"$/gm,
        '<klog> "Couldn\'t get current server API group list" err="$1"',
      ),
  },
  {
    name: 'kubeconfig-copy',
    reason:
      '`kubectl config` lines run the judge on a copy of the simulated kubeconfig at the same path under a scratch folder (kubeconfig-copy.ts); the folder is not part of what kubectl prints',
    apply: (t) => t.replace(/\/[^\s"']*kubelife-parity-kc-[^/\s"']+/g, ''),
  },
  {
    name: 'version-info-fields',
    reason:
      'kubectl v1.33 added emulationMajor/Minor and minCompatibilityMajor/Minor to version.Info (staging/src/k8s.io/apimachinery/pkg/version/types.go); a judge older than v1.33 drops the fields the server sends',
    apply: (t) => t.replace(/^ *"?(emulation|minCompatibility)(Major|Minor)"?: .*\n/gm, ''),
  },
  {
    name: 'event-ages',
    reason:
      '`kubectl events` computes LAST SEEN on the client against the host clock (event_printer.go time.Since); the simulated clock stands elsewhere, so the ages, and the column width they set, differ by design',
    apply: maskEventAges,
  },
  {
    name: 'describe-several-events',
    reason:
      'kubectl v1.36 stopped listing Events when `kubectl describe` covers several objects, a prefix match or a missing name unless --show-events is given (kubernetes/kubernetes#137145, cmd/describe/describe.go Run); a judge older than the simulated release still lists them',
    apply: maskSeveralDescribeEvents,
  },
  {
    name: 'describe-event-ages',
    reason:
      "`kubectl describe`'s Events table computes Age on the client against the host clock (describe.go DescribeEvents, translateTimestampSince); the simulated clock stands elsewhere, so the ages, and the column width they set, differ by design",
    apply: maskDescribeEventAges,
  },
  {
    name: 'describe-port-names',
    reason:
      'kubectl v1.34 added the port name to `kubectl describe` container ports, `80/TCP (http)` (kubernetes/kubernetes#133018, describe.go describeContainerPorts); a judge older than the simulated release prints `80/TCP`',
    apply: (t) =>
      t.replace(/^( +(?:Host )?Ports?: .*)$/gm, (line) =>
        line.replace(/(\d+\/[A-Z]*) \([^)]*\)/g, '$1'),
      ),
  },
  {
    name: 'describe-kube-proxy-version',
    reason:
      '`kubectl describe node` of v1.33 prints an empty `Kube-Proxy Version:` (the kubelet stopped setting it, DisableNodeKubeProxyVersion), the describer on kubernetes/kubernetes master has no such line; the simulated v1.36+ kubectl follows master, a judge older than that prints it (the line is narrower than `Container Runtime Version:`, so no column moves)',
    apply: (t) => t.replace(/^ {2}Kube-Proxy Version: *.*\n/gm, ''),
  },
  {
    name: 'describe-node-pod-ages',
    reason:
      "`kubectl describe node` prints each non-terminated Pod's Age against the host clock (describe.go describeNodeResource, translateTimestampSince); the simulated clock stands elsewhere. Age is the last column, so no other column moves",
    apply: (t) =>
      t.replace(/^(Non-terminated Pods:.*\n(?: {2}.*\n)*?)(?=Allocated resources:)/gm, (block) =>
        block.replace(/^( {2}(?!Namespace|-{9}).*?\S)( +)\S+$/gm, '$1$2<age>'),
      ),
  },
  {
    name: 'describe-event-fieldpath',
    reason:
      "kubectl v1.35 prefixes an Event's message in `kubectl describe` with the container it is about, `spec.containers{nginx}: …` (kubernetes/kubernetes#133627, describe.go DescribeEvents); a judge older than the simulated release prints the message alone",
    apply: (t) => t.replace(/(\s)spec\.(?:initC|c|ephemeralC)ontainers\{[^}]*\}: /g, '$1'),
  },
  {
    name: 'describe-terminating-age',
    reason:
      '`kubectl describe pod` prints how long a Pod has been terminating against the host clock (describe.go describePod, translateTimestampSince(DeletionTimestamp)); the simulated clock stands elsewhere',
    apply: (t) => t.replace(/^(Status: +Terminating \(lasts )[^)]*\)$/gm, '$1<age>)'),
  },
  {
    name: 'served-address',
    reason:
      '`kubectl cluster-info` prints the address kubectl reached the API server at: the judge reaches the simulated apiserver where `serve --api` listens (127.0.0.1), the simulator names the cluster endpoint',
    apply: (t) => t.replace(/(is running at )https:\/\/[^/\s]+/g, '$1https://<apiserver>'),
  },
  {
    name: 'client-version',
    reason:
      "`kubectl version` prints the client's own version: the judge's binary, not the simulated release's kubectl; the skew warning follows from the same difference",
    apply: (t) =>
      t
        .replace(/^Client Version: v\S+$/gm, 'Client Version: <client>')
        .replace(/^Kustomize Version: v\S+$/gm, 'Kustomize Version: <client>')
        .replace(/^(WARNING|Warning): version difference between client.*$\n?/gm, '')
        .replace(/^( *)"clientVersion": \{\n[^}]*\}/m, '$1"clientVersion": <client>')
        .replace(/^clientVersion:\n(?: {2}.*\n)+/m, 'clientVersion: <client>\n')
        .replace(/^( *"?kustomizeVersion"?: )"?v[\d.]+"?/m, '$1<client>'),
  },
];

/** The outcome of one compared line. */
export interface LineComparison {
  readonly same: boolean;
  readonly masks: readonly string[];
  readonly diff: string;
}

function applyMasks(r: LineResult, masks: readonly ParityMask[]): { text: string; used: string[] } {
  const raw = `${r.stdout}\n--- stderr ---\n${r.stderr}\n--- exit ${r.exitCode} ---`;
  let text = raw;
  const used: string[] = [];
  for (const m of masks) {
    const next = m.apply(text);
    if (next !== text) used.push(m.name);
    text = next;
  }
  return { text, used };
}

/** First differing lines of two texts, as `- sim` / `+ real` pairs. */
function firstDifference(a: string, b: string, max = 6): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(al.length, bl.length) && out.length < max * 2; i++) {
    if (al[i] === bl[i]) continue;
    out.push(`  - sim : ${JSON.stringify(al[i] ?? '<missing>')}`);
    out.push(`  + real: ${JSON.stringify(bl[i] ?? '<missing>')}`);
  }
  return out.join('\n');
}

/** Compares the simulator's result with the judge's. */
export function compareLine(sim: LineResult, real: LineResult): LineComparison {
  const a = applyMasks(sim, PARITY_MASKS);
  const b = applyMasks(real, PARITY_MASKS);
  const same = a.text === b.text;
  return {
    same,
    masks: [...new Set([...a.used, ...b.used])],
    diff: same ? '' : firstDifference(a.text, b.text),
  };
}
