/**
 * Build-time data of the hard-way pages: renders each leaf once and attaches its hard-way plan
 * (hard-way.ts) and heading id. Used by /hard-way/<guide>/ and the whole-site /hard-way/.
 */
import { render } from 'astro:content';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

import { planHardWay } from './hard-way.ts';
import type { GuideEntry } from './page-data.ts';
import { parseGuideId } from './routes.ts';

/** A leaf ready for HardWaySteps.astro. */
export interface RenderedHardWayStep {
  readonly leaf: GuideEntry;
  readonly segment: number;
  readonly segmentScenario: string;
  readonly loads: string | undefined;
  readonly Content: AstroComponentFactory;
  readonly id: string;
  readonly number: number;
}

/**
 * Plans and renders leaves in reading order. `prefixIds` prefixes heading ids with the guide
 * (the whole-site page holds several guides whose leaf slugs may repeat).
 */
export async function renderHardWay(
  leaves: readonly GuideEntry[],
  prefixIds: boolean,
): Promise<RenderedHardWayStep[]> {
  const numbers = new Map<string, number>();
  return Promise.all(
    planHardWay(leaves).map(async (step) => {
      const { guide, leaf } = parseGuideId(step.leaf.id);
      const number = (numbers.get(guide) ?? 0) + 1;
      numbers.set(guide, number);
      const slug = leaf ?? step.leaf.id;
      const { Content } = await render(step.leaf);
      return { ...step, Content, id: prefixIds ? `${guide}--${slug}` : slug, number };
    }),
  );
}
