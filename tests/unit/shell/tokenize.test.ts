import { describe, expect, it } from 'vitest';
import { tokenize, parseCommandList, type Token } from 'kubelife/shell';

const words = (input: string): string[] => {
  const t = tokenize(input) as Token[];
  return t.map((x) =>
    x.type === 'op'
      ? x.op
      : x.parts
          .map((p) =>
            p.kind === 'lit' ? p.text : p.kind === 'var' ? `<${p.name}>` : `<(${p.text})>`,
          )
          .join(''),
  );
};

describe('tokenize', () => {
  it.each([
    ['echo hello world', ['echo', 'hello', 'world']],
    ['echo \'a b\' "c d"', ['echo', 'a b', 'c d']],
    ['echo a\\ b', ['echo', 'a b']],
    ['kubeadm join x \\\n  --token t', ['kubeadm', 'join', 'x', '--token', 't']],
    ['a && b || c; d', ['a', '&&', 'b', '||', 'c', ';', 'd']],
    ['echo $HOME ${USER}x', ['echo', '<HOME>', '<USER>x']],
    ['chown $(id -u):$(id -g) f', ['chown', '<(id -u)>:<(id -g)>', 'f']],
    ["echo '$HOME'", ['echo', '$HOME']],
    ['echo "$HOME/.kube"', ['echo', '<HOME>/.kube']],
    ['ls # a comment', ['ls']],
    ['echo 1 > /tmp/x', ['echo', '1', '>', '/tmp/x']],
  ])('lexes %j', (input, expected) => {
    const result = words(input);

    expect(result).toEqual(expected);
  });

  it('reports an unterminated quote', () => {
    const result = tokenize("echo 'oops");

    expect(result).toEqual({ syntaxError: "unexpected EOF while looking for matching `''" });
  });

  it('links commands with their operators', () => {
    const list = parseCommandList(tokenize('a && b || c') as Token[]);

    expect(Array.isArray(list) && list.map((c) => c.after)).toEqual([';', '&&', '||']);
  });
});
