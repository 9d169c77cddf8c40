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
