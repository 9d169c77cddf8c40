// Runs in <head> before first paint (a file, not inline, so the Content-Security-Policy needs no
// inline script): applies the stored or preferred theme and the chosen Kubernetes release.
(function () {
  var root = document.documentElement;
  var theme;
  var release;
  try {
    theme = localStorage.getItem('kubelife-theme');
    release = localStorage.getItem(root.dataset.releaseKey || '');
  } catch {
    // Storage may be blocked (privacy mode): the defaults apply.
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  root.dataset.theme = theme;
  // Marks a page that runs scripts: without it, global.css hides the controls that need them.
  root.classList.add('js');
  // Only a release the site offers is applied.
  if ((root.dataset.releases || '').split(' ').indexOf(release) >= 0)
    root.dataset.release = release;
})();

// Clicks on the terminal's and the snippets' buttons that land before the page's modules have run
// (on a slow network the page is painted while Terminal.astro's and Snippets.astro's scripts still
// load) are not lost: they are held here, the button says "Starting…" (aria-busy), and once the
// module scripts have run (DOMContentLoaded fires after every deferred module script) each held
// button is clicked again, once, in the order the reader clicked them.
(function () {
  var controls =
    '.snippet-btn, kubelife-terminal button[data-action], ' +
    'button[data-action="start-step"], button[data-action="run-solution"]';
  var held = [];
  function hold(event) {
    var button = event.target instanceof Element ? event.target.closest(controls) : null;
    if (!button) return;
    event.stopImmediatePropagation();
    for (var i = 0; i < held.length; i++) if (held[i].button === button) return;
    held.push({ button: button, text: button.textContent });
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Starting…';
  }
  addEventListener('click', hold, true);
  document.addEventListener('DOMContentLoaded', function () {
    removeEventListener('click', hold, true);
    held.forEach(function (click) {
      click.button.removeAttribute('aria-busy');
      click.button.textContent = click.text;
      click.button.click();
    });
  });
})();
