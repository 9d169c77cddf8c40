/**
 * Behaviour of the dock's backend select (markup: src/components/BackendControl.astro). Feature
 * detection only, nothing loaded: on a page that cannot host a WebContainer the select stays
 * disabled and its note says why. Part of the dock's script, so it loads before any interaction
 * and must stay this small.
 */
import {
  BACKEND_LABELS,
  backendStorage,
  detectWebContainerSupport,
  effectiveBackend,
  readBackendChoice,
  writeBackendChoice,
  type BackendChoice,
} from './backend-selection.ts';

/** Handle on a connected backend select. */
export interface BackendControl {
  /** The backend a terminal starts with now: the reader's choice when this page supports it. */
  choice(): BackendChoice;
  /** Shows the backend in use, and why a chosen WebContainer is not (a failed start). */
  report(backend: BackendChoice, failure?: string): void;
}

/** What the control tells its terminal. */
export interface BackendControlHost {
  /** The reader picked a backend (already stored). */
  onChoice(choice: BackendChoice): void;
  /** Whether the terminal runs yet (a choice then takes effect at once). */
  started(): boolean;
}

/** Wires the select inside `root` (a `<kubelife-backend>` element's parent or itself). */
export function connectBackendControl(root: ParentNode, host: BackendControlHost): BackendControl {
  const select = root.querySelector<HTMLSelectElement>('[data-backend-select]');
  const note = root.querySelector<HTMLElement>('[data-backend-note]');
  const show = (text: string): void => {
    if (note) note.textContent = text;
  };
  const support = detectWebContainerSupport(globalThis);
  const stored = readBackendChoice(backendStorage());
  if (select) select.value = effectiveBackend(stored, support);
  // Where no WebContainer can run, the setting is noise: it shows only to a reader who chose a
  // WebContainer elsewhere, to say why this page runs the offline engine.
  const box = select?.closest<HTMLElement>('.backend');
  if (box) box.hidden = !support.available && stored !== 'webcontainer';
  if (!support.available) show(`WebContainer ${support.reason}`);
  else if (select) {
    select.disabled = false;
    select.addEventListener('change', () => {
      const choice: BackendChoice = select.value === 'webcontainer' ? 'webcontainer' : 'worker';
      writeBackendChoice(backendStorage(), choice);
      const pending = host.started()
        ? `starting ${BACKEND_LABELS.webcontainer}…`
        : 'used when the terminal starts';
      show(choice === 'webcontainer' ? pending : '');
      host.onChoice(choice);
    });
  }
  return {
    choice: () =>
      support.available && select?.value === 'webcontainer' ? 'webcontainer' : 'worker',
    report(backend, failure) {
      if (select) select.value = backend;
      show(failure === undefined ? '' : `Fell back to the offline engine: ${failure}`);
    },
  };
}
