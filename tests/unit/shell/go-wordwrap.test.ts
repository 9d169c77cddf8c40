// go-wordwrap v1.0.1 WrapString (github.com/mitchellh/go-wordwrap wordwrap.go), as kubectl
// explain's `wrap` uses it.
import { describe, expect, it } from 'vitest';
import { wrapString } from '../../../src/lib/engine/shell/go-wordwrap.ts';

describe('go-wordwrap WrapString', () => {
  it('breaks at the last space that keeps a line within the limit and drops that space', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
  });

  it('keeps existing line breaks and the spaces that start a line', () => {
    expect(wrapString('one\n - two three', 9)).toBe('one\n - two\nthree');
  });

  it('lets a word longer than the limit overrun it', () => {
    expect(wrapString('a https://example.com/very/long b', 10)).toBe(
      'a\nhttps://example.com/very/long\nb',
    );
  });

  it('counts characters, not bytes', () => {
    expect(wrapString('héé héé', 7)).toBe('héé héé');
  });
});
