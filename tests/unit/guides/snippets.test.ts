import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  extractSnippets,
  normalizeOutput,
  parseMeta,
  splitCommands,
  splitFrontmatter,
} from 'kubelife/doctest';

const doc = (...lines: string[]): string => lines.join('\n');

describe('snippet extraction', () => {
  it('pairs a console run block with the text output block after it', () => {
    const source = doc(
      '---',
      'title: T',
      'scenario: bare-machines',
      '---',
      '',
      '```console run',
      'hostname',
      '```',
      '',
      '```text output',
      'cp-1',
      '```',
    );

    const snippets = extractSnippets(source);

    expect(snippets).toEqual([{ commands: ['hostname'], expected: 'cp-1', exitCode: 0, line: 6 }]);
  });

  it('reads the expected exit code from the fence meta', () => {
    const source = doc(
      '```console run exit=127',
      'nope',
      '```',
      '```text output',
      'nope: command not found',
      '```',
    );

    expect(extractSnippets(source)[0]?.exitCode).toBe(127);
  });

  it('ignores ordinary code blocks', () => {
    const source = doc('```yaml', 'a: 1', '```', '```console', 'not run', '```');

    expect(extractSnippets(source)).toEqual([]);
  });

  it('rejects a runnable block without an output block, naming the line', () => {
    const source = doc('text', '```console run', 'hostname', '```', 'prose');

    expect(() => extractSnippets(source)).toThrow(/line 2: a `console run` block must be followed/);
  });

  it('rejects an unclosed fence', () => {
    expect(() => extractSnippets(doc('```console run', 'hostname'))).toThrow(/never closed/);
  });

  it('keeps backslash continuations inside one command and skips comments and blank lines', () => {
    const commands = splitCommands(
      doc('# set up', 'kubeadm join 10.0.0.11:6443 \\', '  --token abc', '', 'hostname'),
    );

    expect(commands).toEqual(['kubeadm join 10.0.0.11:6443 \\\n  --token abc', 'hostname']);
  });

  it('keeps a here-document and its body together as one command up to the terminator line', () => {
    const commands = splitCommands(
      doc(
        'cat <<EOF > kubeadm-config.yaml',
        'kind: ClusterConfiguration',
        '',
        '# not a comment here',
        'EOF',
        'hostname',
      ),
    );

    expect(commands).toEqual([
      'cat <<EOF > kubeadm-config.yaml\nkind: ClusterConfiguration\n\n# not a comment here\nEOF',
      'hostname',
    ]);
  });

  it('parses bare flags and key=value pairs in fence meta', () => {
    expect([...parseMeta('run exit=2 title="x"')]).toEqual([
      ['run', true],
      ['exit', '2'],
      ['title', 'x'],
    ]);
  });

  it('parses YAML frontmatter and reports where the body starts', () => {
    const { meta, offset } = splitFrontmatter(doc('---', 'title: A', 'order: 2', '---', 'body'));

    expect(meta).toEqual({ title: 'A', order: 2 });
    expect(offset).toBe(4);
  });

  it('normalises trailing spaces and trailing blank lines only', () => {
    expect(normalizeOutput('a  \n  b\r\n\n\n')).toBe('a\n  b');
  });

  it('never throws on arbitrary text outside fences and finds no snippet there', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('`') && !s.includes('~')),
        (text) => {
          expect(extractSnippets(text)).toEqual([]);
        },
      ),
    );
  });

  it('splits any sequence of simple commands into exactly those commands', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        (cmds) => {
          const lines = cmds.map((c) => c.join(' '));

          expect(splitCommands(lines.join('\n'))).toEqual(lines);
        },
      ),
    );
  });
});
