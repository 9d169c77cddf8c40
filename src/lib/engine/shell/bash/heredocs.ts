/**
 * Walks every redirection of a parsed script, including those inside compound commands and
 * function bodies: for bash's "here-document delimited by end-of-file" warning and for telling a
 * terminal that input is not complete yet.
 */
import type { Command, List, Redirect } from './ast.ts';

function commandsOf(c: Command): List[] {
  switch (c.type) {
    case 'group':
    case 'subshell':
      return [c.body];
    case 'if':
      return [...c.clauses.flatMap((x) => [x.cond, x.body]), ...(c.otherwise ? [c.otherwise] : [])];
    case 'for':
    case 'arith-for':
      return [c.body];
    case 'while':
      return [c.cond, c.body];
    case 'case':
      return c.items.map((x) => x.body);
    default:
      return [];
  }
}

/** Every redirection in `list`, in source order. */
export function redirectsOf(list: List): Redirect[] {
  const out: Redirect[] = [];
  const visit = (c: Command): void => {
    if ('redirects' in c) out.push(...c.redirects);
    if (c.type === 'function') visit(c.body);
    for (const l of commandsOf(c)) walk(l);
  };
  const walk = (l: List): void => {
    for (const ao of l)
      for (const p of [ao.first, ...ao.rest.map((r) => r.pipeline)])
        for (const c of p.commands) visit(c);
  };
  walk(list);
  return out;
}

/** Here-documents whose terminator line never came. */
export function openHeredocs(list: List): Redirect[] {
  return redirectsOf(list).filter((r) => r.heredoc !== undefined && !r.heredoc.terminated);
}
