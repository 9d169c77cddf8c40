/**
 * The syntax tree of kubelife's bash interpreter (docs/dev/shell-interpreter.md): what parse.ts
 * builds and exec.ts walks. Shapes follow bash's grammar (parse.y): lists of and-or chains of
 * pipelines of commands; words keep their quoting so expansion can split and glob like bash.
 */

/** One piece of a word, with whether it was quoted (quoted text is never split or globbed). */
export type WordPart =
  | { readonly k: 'lit'; readonly text: string; readonly q: boolean }
  | { readonly k: 'param'; readonly p: ParamExp; readonly q: boolean }
  | { readonly k: 'cmd'; readonly src: string; readonly q: boolean }
  | { readonly k: 'arith'; readonly src: string; readonly q: boolean }
  | { readonly k: 'tilde'; readonly user: string };

/** A word: its parts, plus the raw source (for messages such as `bash: $x: ambiguous redirect`). */
export interface Word {
  readonly parts: readonly WordPart[];
  readonly raw: string;
}

/** A `${…}` or `$name` expansion. */
export interface ParamExp {
  /** Variable name, a positional number or a special parameter (`?`, `#`, `@`, `*`, `$`, `!`, `-`). */
  readonly name: string;
  /** Raw subscript text of `name[…]` (`@`, `*`, or an arithmetic/assoc key). */
  readonly index?: string;
  /** `${#x}`: length. */
  readonly length?: boolean;
  /** `${!x}`: indirection, or `${!arr[@]}`: the array's keys. */
  readonly indirect?: boolean;
  /** Operator (`:-`, `#`, `//`, `^^`, `:` for substrings, …) and its raw operand text. */
  readonly op?: string;
  readonly arg?: string;
  /** Second operand of `${x/pat/rep}` and `${x:off:len}`. */
  readonly arg2?: string;
}

/** An I/O redirection (`>`, `>>`, `<`, `2>&1`, `&>`, `<<EOF`, `<<<`). */
export interface Redirect {
  /** File descriptor redirected (1 for `>`, 0 for `<`); -1 for `&>`/`&>>` (both 1 and 2). */
  readonly fd: number;
  readonly op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '<<<' | '>|' | '<>';
  readonly target: Word;
  /** Here-document body (filled when the lexer reaches the end of the line). */
  heredoc?: {
    body: string;
    expand: boolean;
    delimiter: string;
    terminated: boolean;
    strip: boolean;
    line: number;
  };
}

/** `NAME=value`, `NAME+=value` or `NAME=(a b c)`. */
export interface Assignment {
  readonly name: string;
  readonly index?: string;
  readonly append: boolean;
  readonly value: Word | null;
  readonly array: readonly Word[] | null;
}

/** A command node. */
export type Command =
  | {
      readonly type: 'simple';
      readonly assigns: readonly Assignment[];
      readonly words: readonly Word[];
      readonly redirects: readonly Redirect[];
      readonly line: number;
    }
  | { readonly type: 'group'; readonly body: List; readonly redirects: readonly Redirect[] }
  | { readonly type: 'subshell'; readonly body: List; readonly redirects: readonly Redirect[] }
  | {
      readonly type: 'if';
      readonly clauses: ReadonlyArray<{ readonly cond: List; readonly body: List }>;
      readonly otherwise: List | null;
      readonly redirects: readonly Redirect[];
    }
  | {
      readonly type: 'for';
      readonly name: string;
      /** null: `for x; do` iterates over "$@". */
      readonly items: readonly Word[] | null;
      readonly body: List;
      readonly redirects: readonly Redirect[];
    }
  | {
      readonly type: 'arith-for';
      readonly init: string;
      readonly cond: string;
      readonly step: string;
      readonly body: List;
      readonly redirects: readonly Redirect[];
    }
  | {
      readonly type: 'while';
      readonly until: boolean;
      readonly cond: List;
      readonly body: List;
      readonly redirects: readonly Redirect[];
    }
  | {
      readonly type: 'case';
      readonly word: Word;
      readonly items: ReadonlyArray<{
        readonly patterns: readonly Word[];
        readonly body: List;
        readonly end: ';;' | ';&' | ';;&';
      }>;
      readonly redirects: readonly Redirect[];
    }
  | { readonly type: 'function'; readonly name: string; readonly body: Command }
  | { readonly type: 'arith'; readonly src: string; readonly redirects: readonly Redirect[] }
  | { readonly type: 'cond'; readonly expr: CondExpr; readonly redirects: readonly Redirect[] };

/** A `[[ … ]]` expression. */
export type CondExpr =
  | { readonly k: 'and' | 'or'; readonly a: CondExpr; readonly b: CondExpr }
  | { readonly k: 'not'; readonly a: CondExpr }
  | { readonly k: 'unary'; readonly op: string; readonly a: Word }
  | { readonly k: 'binary'; readonly op: string; readonly a: Word; readonly b: Word }
  | { readonly k: 'word'; readonly a: Word };

/** `[!] cmd | cmd …`. */
export interface Pipeline {
  readonly negate: boolean;
  readonly commands: readonly Command[];
}

/** Pipelines joined by `&&` and `||`. */
export interface AndOr {
  readonly first: Pipeline;
  readonly rest: ReadonlyArray<{ readonly op: '&&' | '||'; readonly pipeline: Pipeline }>;
  /** Ended by `&` (run "in the background": the simulator runs it to completion). */
  readonly background: boolean;
}

/** A sequence of and-or lists (`;`, `&` or newline separated). */
export type List = readonly AndOr[];
