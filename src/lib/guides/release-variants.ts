/**
 * Markdown plugin that renders a guide for every release track at build time. Guides write versions
 * as `{{variables}}` (docs/dev/contracts.md); this plugin turns each place that uses them into one
 * variant per track, marked `data-minor="v1.36"` (code blocks through their fence meta `minor=…`,
 * which the snippet transformer copies onto the figure). CSS shows only the variant of the reader's
 * release (src/layouts/BaseLayout.astro), so switching release needs no re-rendering and a page
 * without JavaScript shows the newest release.
 *
 * - Code blocks containing variables → one block per track with the values filled in.
 * - A `text output` block followed by per-release overrides (`text output minor=v1.35`) → the
 *   general block for the other tracks, the override for its own.
 * - `{{name}}` in prose (an MDX expression `{name}` in braces) and `` `…{{name}}…` `` in inline code
 *   → a span holding one child per track.
 * - `<ForRelease minors="v1.36 v1.35">…</ForRelease>` → a block (or span) shown only on those
 *   releases (`data-minors`), for prose that is true on some releases only.
 * The same rules as kubelife/doctest (src/lib/engine/shell/doctest/snippets.ts), which the doc-tests read pages with.
 */
import type { Code, InlineCode, PhrasingContent, RootContent } from 'mdast';
import type {
  MdastContent,
  MdastPluginDefinition,
  MdastTarget,
  MdastVisitorContext,
} from 'satteri';

import {
  blockMinor,
  fillVariables,
  isOutput,
  usesVariables,
  type SnippetTrack,
} from 'kubelife/doctest';

/** Options: every track, newest (the default) first. */
export interface ReleaseVariantsOptions {
  readonly tracks: readonly SnippetTrack[];
}

/** The MDX node shapes this plugin reads and writes (mdast-util-mdx-jsx / -expression). */
interface MdxJsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: string;
}
interface MdxJsxTextElement {
  type: 'mdxJsxTextElement';
  name: string;
  attributes: MdxJsxAttribute[];
  children: Array<PhrasingContent | MdxJsxTextElement>;
}
interface MdxTextExpression {
  type: 'mdxTextExpression';
  value: string;
}

const EXPRESSION = /^\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\s*$/;

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

/** Attributes of the variant for `minor`: its marker, and hidden from search unless newest. */
function variantAttributes(minor: string, newest: string): MdxJsxAttribute[] {
  return [
    attribute('data-minor', minor),
    ...(minor === newest ? [] : [attribute('data-pagefind-ignore', 'all')]),
  ];
}

function span(
  attributes: MdxJsxAttribute[],
  children: MdxJsxTextElement['children'],
): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'span', attributes, children };
}

function variantCode(node: Code, value: string, minor: string): Code {
  const meta = [node.meta ?? '', `minor=${minor}`].filter(Boolean).join(' ');
  return { ...node, value, meta };
}

/** The nodes replacing code block `node` (and the overrides after it, `overrides` of them). */
function expandCode(
  node: Code,
  overrides: readonly Code[],
  tracks: readonly SnippetTrack[],
): Code[] {
  const out: Code[] = [];
  for (const track of tracks) {
    const own = overrides.find((o) => blockMinor(o.meta ?? '') === track.minor);
    if (own) out.push({ ...own, value: fillVariables(own.value, track.vars) });
    else out.push(variantCode(node, fillVariables(node.value, track.vars), track.minor));
  }
  return out;
}

function isOverride(node: RootContent | undefined): node is Code {
  return (
    node?.type === 'code' &&
    isOutput(node.lang ?? '', node.meta ?? '') &&
    blockMinor(node.meta ?? '') !== undefined
  );
}

function expandInline(
  node: { type: string },
  tracks: readonly SnippetTrack[],
): MdxJsxTextElement | undefined {
  const newest = tracks[0]?.minor ?? '';
  if (node.type === 'mdxTextExpression') {
    const name = EXPRESSION.exec((node as MdxTextExpression).value)?.[1];
    if (name === undefined) return undefined;
    const template = `{{${name}}}`;
    return span(
      [attribute('class', 'release-var')],
      tracks.map((t) =>
        span(variantAttributes(t.minor, newest), [
          { type: 'text', value: fillVariables(template, t.vars) },
        ]),
      ),
    );
  }
  if (node.type === 'inlineCode' && usesVariables((node as InlineCode).value)) {
    return span(
      [attribute('class', 'release-var')],
      tracks.map((t) =>
        span(variantAttributes(t.minor, newest), [
          { type: 'inlineCode', value: fillVariables((node as InlineCode).value, t.vars) },
        ]),
      ),
    );
  }
  return undefined;
}

/** A JSX element as the visitor sees it (flow or text). */
interface JsxElementNode {
  readonly name: string | null;
  readonly attributes: ReadonlyArray<{
    readonly type: string;
    readonly name?: string;
    readonly value?: unknown;
  }>;
}

/**
 * `<ForRelease minors="v1.36 v1.35">…</ForRelease>`: prose that holds only on some releases becomes a
 * `div` (or `span` inline) marked `data-minors`, which CSS hides on the other releases.
 * @throws Error when `minors` is missing or names a release that is not a track
 */
function markForRelease(
  node: JsxElementNode,
  ctx: Pick<MdastVisitorContext, 'replaceNode'>,
  tracks: readonly SnippetTrack[],
): void {
  if (node.name !== 'ForRelease') return;
  const raw = node.attributes.find((a) => a.name === 'minors')?.value;
  const minors = typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : [];
  const known = tracks.map((t) => t.minor);
  const unknown = minors.filter((m) => !known.includes(m));
  if (minors.length === 0 || unknown.length > 0)
    throw new Error(
      `<ForRelease minors="…"> needs releases among ${known.join(', ')}; got "${typeof raw === 'string' ? raw : ''}"`,
    );
  const inline = (node as { type?: string }).type === 'mdxJsxTextElement';
  ctx.replaceNode(
    node as unknown as MdastTarget,
    {
      type: inline ? 'mdxJsxTextElement' : 'mdxJsxFlowElement',
      name: inline ? 'span' : 'div',
      attributes: [
        attribute('data-minors', minors.join(' ')),
        ...(minors.includes(known[0] ?? '') ? [] : [attribute('data-pagefind-ignore', 'all')]),
      ],
      children: (node as unknown as { children: unknown[] }).children,
    } as unknown as MdastContent,
  );
}

/**
 * The Sätteri mdast plugin (Astro 7's Markdown processor; astro.config.mjs passes it to
 * `satteri({ mdastPlugins })`). Each visitor replaces one node with its per-release variants.
 */
export function releaseVariantsPlugin(options: ReleaseVariantsOptions): MdastPluginDefinition {
  const { tracks } = options;
  return {
    name: 'kubelife:release-variants',
    code(node, ctx) {
      if (tracks.length === 0 || blockMinor(node.meta ?? '') !== undefined) return;
      const parent = ctx.parent(node);
      const index = ctx.indexOf(node);
      const siblings = (parent?.children ?? []) as readonly RootContent[];
      const overrides: Code[] = [];
      for (let i = (index ?? 0) + 1; isOverride(siblings[i]); i++)
        overrides.push(siblings[i] as Code);
      if (overrides.length === 0 && !usesVariables(node.value)) return;
      for (const override of overrides) ctx.removeNode(override);
      ctx.replaceNode(node, expandCode(node, overrides, tracks));
    },
    inlineCode(node, ctx) {
      const variant = tracks.length > 0 ? expandInline(node, tracks) : undefined;
      if (variant) ctx.replaceNode(node, variant);
    },
    mdxJsxFlowElement(node, ctx) {
      markForRelease(node, ctx, tracks);
    },
    mdxJsxTextElement(node, ctx) {
      markForRelease(node, ctx, tracks);
    },
    mdxTextExpression(node, ctx) {
      const variant = tracks.length > 0 ? expandInline(node, tracks) : undefined;
      if (variant) ctx.replaceNode(node, variant);
    },
  };
}
