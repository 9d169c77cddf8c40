import { describe, expect, it } from 'vitest';

import { createKeyboardEscape } from '../../../src/lib/terminal/keyboard-escape.ts';

const down = (key: string) => ({ type: 'keydown', key });

describe('keyboard escape from the terminal (Esc then Tab, as CodeMirror)', () => {
  it('keeps Tab in the terminal until Escape was pressed', () => {
    const escape = createKeyboardEscape();

    expect(escape(down('Tab'))).toBe('terminal');
    expect(escape(down('Escape'))).toBe('armed');
    expect(escape(down('Tab'))).toBe('leave');
  });

  it('lets Shift+Tab leave too (Shift alone does not cancel)', () => {
    const escape = createKeyboardEscape();

    escape(down('Escape'));
    expect(escape(down('Shift'))).toBe('terminal');
    expect(escape(down('Tab'))).toBe('leave');
  });

  it('forgets the Escape once another key is typed', () => {
    const escape = createKeyboardEscape();

    escape(down('Escape'));
    escape(down('a'));

    expect(escape(down('Tab'))).toBe('terminal');
  });

  it('leaves only once per Escape', () => {
    const escape = createKeyboardEscape();

    escape(down('Escape'));
    escape(down('Tab'));

    expect(escape(down('Tab'))).toBe('terminal');
  });
});
