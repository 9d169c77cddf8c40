/**
 * Finds Markdown/MDX pages on disk and groups them by folder in reading order (the ordering rules
 * are in shell/doctest/guides.ts). Used by `kubelife doctest`, `kubelife export` and the site's
 * doc-tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { orderGuide, orderGuides, type GuideFiles } from '../shell/doctest/guides.ts';
import { docPage, type DocPage } from '../shell/doctest/runner.ts';

export type { GuideFiles } from '../shell/doctest/guides.ts';

/** Default location of this site's guides, relative to the repository root. */
export const guidesDir = 'src/content/guides';

const isPage = (name: string): boolean => /\.mdx?$/.test(name);

function readPage(root: string, path: string): DocPage {
  const rel = relative(root, path);
  return docPage(rel === '' || rel.startsWith('..') ? path : rel, readFileSync(path, 'utf8'));
}

/** A folder of pages found on disk; `hardWay` is false for pages named one by one. */
export interface FoundGuide extends GuideFiles {
  readonly hardWay: boolean;
}

function walk(root: string, dir: string, found: FoundGuide[]): void {
  const names = readdirSync(dir).sort();
  const pages = names.filter((n) => isPage(n) && statSync(join(dir, n)).isFile());
  if (pages.length > 0) {
    const guide = orderGuide(
      basename(dir),
      pages.map((n) => readPage(root, join(dir, n))),
    );
    found.push({ ...guide, hardWay: true });
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (statSync(join(dir, name)).isDirectory()) walk(root, join(dir, name), found);
  }
}

/**
 * Collects the pages named by `paths` (files, or folders searched recursively), relative to
 * `root`. Folders become guides in reading order; files named one by one are checked alone.
 * @throws Error naming a path that does not exist or is not a Markdown/MDX page
 */
export function collectGuides(root: string, paths: readonly string[]): FoundGuide[] {
  const found: FoundGuide[] = [];
  for (const path of paths) {
    const full = resolve(root, path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new Error(`no such file or directory: ${path}`);
    }
    if (stat.isDirectory()) {
      const inside: FoundGuide[] = [];
      walk(root, full, inside);
      found.push(...orderGuides(inside));
    } else if (isPage(full)) {
      found.push({
        ...orderGuide(basename(dirname(full)), [readPage(root, full)]),
        hardWay: false,
      });
    } else {
      throw new Error(`not a Markdown or MDX page: ${path}`);
    }
  }
  return found;
}

/** Lists every guide under `root/dir` (default: this site's guides) with its pages in reading order. */
export function listGuides(root: string, dir: string = guidesDir): FoundGuide[] {
  return collectGuides(root, [dir]);
}
