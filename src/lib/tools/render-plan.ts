/**
 * Renders a PlannerResult into DOM nodes for the upgrade planner (browser only; loaded lazily with
 * the engine's policy code on the planner page). Text goes in with textContent, never as HTML.
 */
import type { PlannerResult } from './upgrade-planner.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** Builds the planner's result section. */
export function renderPlan(result: PlannerResult): DocumentFragment {
  const out = document.createDocumentFragment();
  if (result.from === result.to) {
    out.append(el('h2', `Already at ${result.to}`));
    out.append(
      el(
        'p',
        `The cluster already runs ${result.to}: there is nothing to upgrade. Pick another target.`,
      ),
    );
    return out;
  }
  const direct = el('div', undefined, 'plan-direct');
  direct.append(el('h2', `Straight from ${result.from} to ${result.to}?`));
  if (result.directRefusals.length === 0) {
    direct.append(el('p', `kubeadm upgrade apply ${result.to} accepts this in one go.`));
  } else {
    direct.append(el('p', `kubeadm upgrade apply ${result.to} refuses it:`));
    const list = el('ul', undefined, 'plan-refusals');
    for (const reason of result.directRefusals) list.append(el('li', reason));
    direct.append(list);
  }
  out.append(direct);

  if (!result.plan.ok) {
    out.append(el('h2', 'No upgrade path'));
    const list = el('ul', undefined, 'plan-refusals');
    for (const reason of result.plan.reasons) list.append(el('li', reason));
    out.append(list);
    return out;
  }
  const { hops, warnings } = result.plan;
  out.append(
    el(
      'h3',
      hops.length === 0
        ? 'Nothing to do'
        : `Upgrade path: ${hops.length} step${hops.length === 1 ? '' : 's'}`,
    ),
  );
  for (const warning of warnings) out.append(el('p', warning, 'plan-warning'));
  const steps = el('ol', undefined, 'plan-steps');
  for (const hop of hops) {
    const item = el('li');
    item.append(el('strong', `${hop.step.from} → ${hop.step.to}`), ` (${hop.step.kind} upgrade)`);
    const checks = el('ul', undefined, 'plan-checks');
    checks.append(
      el(
        'li',
        hop.refused.length === 0
          ? `kubeadm accepts this step.`
          : `kubeadm refuses this step: ${hop.refused.join(' ')}`,
        hop.refused.length === 0 ? 'ok' : 'bad',
      ),
    );
    for (const warning of hop.warnings)
      checks.append(el('li', `kubeadm warns: ${warning}`, 'warn'));
    checks.append(
      el(
        'li',
        hop.kubeletSkew.ok
          ? `Kubelets may stay at ${hop.step.from} until their turn: ${hop.kubeletSkew.message}.`
          : `Skew violation while kubelets lag: ${hop.kubeletSkew.message}`,
        hop.kubeletSkew.ok ? 'ok' : 'bad',
      ),
    );
    item.append(checks);
    const details = el('details');
    details.append(el('summary', `Commands (${hop.step.actions.length})`));
    const table = el('ol', undefined, 'plan-actions');
    for (const action of hop.step.actions) {
      const row = el('li');
      row.append(el('span', `${action.on}: `, 'plan-on'), el('code', action.command));
      table.append(row);
    }
    details.append(table);
    item.append(details);
    steps.append(item);
  }
  out.append(steps);
  return out;
}
