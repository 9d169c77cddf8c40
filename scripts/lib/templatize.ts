/**
 * The inverse of filling `{{variables}}`: turns a literal text written for one release track back
 * into a template, for authors (scripts/update-expected.ts). Values are replaced longest first; a
 * value several variables share goes to the first of them in trackVariables order (`version`
 * before `latest`); replacement happens only where a value stands alone (not inside a longer
 * version number), so `v1.37.1` becomes `{{version}}` but `v1.37.10` or `1.37.1` inside
 * `v1.37.1` are never touched. Whether the result is right for other tracks is not assumed: the
 * caller renders it for every track and keeps per-release overrides where it differs.
 */

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the track's variable values in `text` with `{{name}}`. */
export function templatize(text: string, vars: Readonly<Record<string, string>>): string {
  const owners = new Map<string, string[]>();
  for (const [name, value] of Object.entries(vars)) {
    if (value === '') continue;
    owners.set(value, [...(owners.get(value) ?? []), name]);
  }
  const chosen = [...owners.entries()]
    .map(([value, names]) => [value, names[0] ?? ''] as const)
    .sort(([a], [b]) => b.length - a.length);
  let out = text;
  for (const [value, name] of chosen) {
    const pattern = new RegExp(`(?<![0-9A-Za-z.{])${escape(value)}(?![0-9]|\\.[0-9]|})`, 'g');
    out = out.replace(pattern, `{{${name}}}`);
  }
  return out;
}
