import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';

import { releaseVariantsPlugin } from '../../../src/lib/guides/release-variants.ts';
import { releaseVariantCss } from '../../../src/lib/guides/release-choice.ts';
import { extractSnippets } from 'kubelife/doctest';

const tracks = [
  { minor: 'v1.37', vars: { version: 'v1.37.1' } },
  { minor: 'v1.36', vars: { version: 'v1.36.4' } },
];
const compile = async (source: string): Promise<string> =>
  String((await mdxToJs(source, { mdastPlugins: [releaseVariantsPlugin({ tracks })] })).code);
const doc = (...lines: string[]): string => lines.join('\n');

describe('release variants of a guide', () => {
  it('renders a prose variable once per release, hiding the older ones from search', async () => {
    const js = await compile('kubeadm {{version}} on cp-1\n');

    expect(js).toMatch(/"data-minor": "v1\.37",\s+children: "v1\.37\.1"/);
    expect(js).toMatch(
      /"data-minor": "v1\.36",\s+"data-pagefind-ignore": "all",\s+children: "v1\.36\.4"/,
    );
  });

  it('fills variables inside inline code per release', async () => {
    const js = await compile('Run `kubeadm upgrade apply {{version}}` now.\n');

    expect(js).toContain('"kubeadm upgrade apply v1.37.1"');
    expect(js).toContain('"kubeadm upgrade apply v1.36.4"');
  });

  it('expands a runnable block and its output, letting a per-release override win', async () => {
    const js = await compile(
      doc(
        '```console run',
        'kubeadm upgrade apply {{version}}',
        '```',
        '',
        '```text output',
        'upgraded to {{version}}',
        '```',
        '',
        '```text output minor=v1.36',
        'something else on v1.36',
        '```',
        '',
      ),
    );

    expect(js).toContain('kubeadm upgrade apply v1.37.1');
    expect(js).toContain('kubeadm upgrade apply v1.36.4');
    expect(js).toContain('upgraded to v1.37.1');
    expect(js).toContain('something else on v1.36');
    expect(js).not.toContain('upgraded to v1.36.4');
  });

  it('shows a ForRelease block only on the releases it names', async () => {
    const js = await compile(
      doc('<ForRelease minors="v1.36">', 'Only on the older release.', '</ForRelease>', ''),
    );

    expect(js).toMatch(/"data-minors": "v1\.36",\s+"data-pagefind-ignore": "all"/);
    expect(js).not.toContain('ForRelease');
  });

  it('fails the build on an unknown variable or release instead of printing it', async () => {
    await expect(compile('kubeadm {{nope}}\n')).rejects.toThrow(
      /unknown version variable \{\{nope\}\}/,
    );
    await expect(
      compile(doc('<ForRelease minors="v1.20">', 'x', '</ForRelease>', '')),
    ).rejects.toThrow(/needs releases among v1\.37, v1\.36/);
  });

  it('reads the same page for the doc-tests: override for its release, template for the others', () => {
    const source = doc(
      '```console run',
      'kubeadm upgrade apply {{version}}',
      '```',
      '```text output',
      'upgraded to {{version}}',
      '```',
      '```text output minor=v1.36',
      'something else',
      '```',
    );

    expect(extractSnippets(source, tracks[0])[0]).toMatchObject({
      commands: ['kubeadm upgrade apply v1.37.1'],
      expected: 'upgraded to v1.37.1',
    });
    expect(extractSnippets(source, tracks[1])[0]?.expected).toBe('something else');
    expect(() => extractSnippets(source)).toThrow(/uses \{\{variables\}\}/);
  });

  it('hides every other release with one CSS rule per release', () => {
    const css = releaseVariantCss(['v1.37', 'v1.36']);

    expect(css).toContain('html[data-release="v1.36"] [data-minor]:not([data-minor="v1.36"])');
    expect(css).toContain('html[data-release="v1.37"] [data-minors]:not([data-minors~="v1.37"])');
  });
});
