// Gives every <select> Redoc renders (the content-type and variant choosers) an accessible name:
// Redoc leaves them unnamed, which fails WCAG 4.1.2. Served as a file, so /docs runs no inline script.
(function () {
  function name(root) {
    var selects = root.querySelectorAll('select:not([aria-label])');
    for (var i = 0; i < selects.length; i++) {
      var s = selects[i];
      var media = s.options.length && /\//.test(s.options[0].value || s.options[0].text);
      s.setAttribute('aria-label', media ? 'Content type' : 'Variant');
    }
  }
  new MutationObserver(function () { name(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  name(document);
})();
