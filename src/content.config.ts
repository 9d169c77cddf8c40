import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Frontmatter of a guide page (`src/content/guides/<guide>/index.mdx` or `<guide>/<leaf>.mdx`).
 * See docs/dev/contracts.md, "Guide pages and runnable snippets".
 */
export const guideSchema = z
  .object({
    /** Page title, shown as the h1, in the sidebar and in the browser tab. Required, no default. */
    title: z.string().min(1),
    /** One-line summary shown under the title, on overview cards and in meta tags. Required. */
    description: z.string().min(1),
    /** `overview` for a guide's index.mdx, `leaf` for a step page. Default: `leaf`. */
    kind: z.enum(['overview', 'leaf']).default('leaf'),
    /** Sort key among siblings (guides on the home page, leaves within a guide). Default: 100. */
    order: z.number().int().default(100),
    /**
     * Named engine scenario (precondition state) the leaf's terminal and doc-test start from.
     * Leaves only. Default: none (the engine's default scenario).
     */
    scenario: z.string().min(1).optional(),
    /** Scenario name reached after running all of the leaf's snippets. Default: none. */
    produces: z.string().min(1).optional(),
    /**
     * Name of an engine goal predicate (`goals` in src/lib/engine/src/goals/index.ts) that says
     * when the reader has finished this leaf; the leaf page checks it after every command and
     * shows "Goal: … ✓ done". Leaves only. Default: none (no goal status on the page).
     */
    goal: z.string().min(1).optional(),
    /** Doc-test switches for this page. Default: none (the page is doc-tested). */
    doctest: z
      .object({
        /** Skip the page's snippets in the doc-tests. Default: false. */
        skip: z.boolean().default(false),
        /** Why the page is skipped; shown in the doc-test report. Default: none. */
        reason: z.string().optional(),
      })
      .optional(),
  })
  .strict();

/** The `guides` content collection: every .md/.mdx file below src/content/guides. */
const guides = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/guides' }),
  schema: guideSchema,
});

export const collections = { guides };
