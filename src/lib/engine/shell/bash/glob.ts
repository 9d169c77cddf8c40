/**
 * Pathname expansion over a machine's simulated filesystem: `*.conf`, `/etc/kubernetes/*.conf`,
 * `pki/*.{crt,key}` after brace expansion. Hidden names match only a pattern starting with `.`;
 * results are sorted like bash in the C.UTF-8 locale; relative patterns give relative paths.
 */
import type { Machine } from '../../src/index.ts';
import { hasGlob, matchPattern, unescapePattern } from './pattern.ts';

/** Every directory and file path of a machine (directories implied by files included). */
function allPaths(m: Machine): { dirs: Set<string>; files: Set<string> } {
  const dirs = new Set<string>(['/']);
  const addParents = (p: string): void => {
    for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
  };
  for (const d of m.dirs) {
    dirs.add(d);
    addParents(d);
  }
  const files = new Set(Object.keys(m.files));
  for (const f of files) addParents(f);
  return { dirs, files };
}

/** Paths matching `pattern` (pattern.ts escaping), sorted; [] when none match. */
export function globPaths(m: Machine, pattern: string, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  const { dirs, files } = allPaths(m);
  let current: string[] = [absolute ? '/' : cwd];
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (seg === '.' || seg === '..') {
        next.push(seg === '.' ? dir : dir.slice(0, Math.max(1, dir.lastIndexOf('/'))));
        continue;
      }
      if (!hasGlob(seg)) {
        const p = join(dir, unescapePattern(seg));
        if (dirs.has(p) || (last && files.has(p))) next.push(p);
        continue;
      }
      const prefix = dir === '/' ? '/' : `${dir}/`;
      const names = new Set<string>();
      for (const p of [...dirs, ...(last ? files : [])]) {
        if (!p.startsWith(prefix) || p === dir) continue;
        const name = p.slice(prefix.length);
        if (name.includes('/') || name === '') continue;
        names.add(name);
      }
      for (const name of names) {
        if (name.startsWith('.') && !seg.startsWith('.') && !seg.startsWith('\\.')) continue;
        if (matchPattern(seg, name)) next.push(join(dir, name));
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  const base = cwd === '/' ? '/' : `${cwd}/`;
  const out = current.map((p) => (absolute ? p : p.startsWith(base) ? p.slice(base.length) : p));
  if (pattern.endsWith('/')) return out.map((p) => `${p}/`).sort(compare);
  return out.sort(compare);
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
