/*
 * The page's first script, a file of its own that Vite leaves as it is: it runs as soon as it
 * arrives (async), not after the app's code with MapLibre's chunk has loaded, so an embedded page
 * (`?embed`) takes its compact layout (src/embed.css) at its first paint instead of showing the
 * full page's header and panel inside a course page's frame first. The test is the one of
 * `isEmbedded` in src/app/embed.ts (test/unit/app/early.test.ts checks they agree); src/main.ts
 * decides again once the app runs. Plain script: nothing to import, nothing to bundle.
 */
(function () {
  var embed = location.search
    .replace(/^\?/, '')
    .split('&')
    .some(function (param) {
      try {
        return decodeURIComponent(param.split('=')[0]) === 'embed';
      } catch {
        return false;
      }
    });
  document.documentElement.classList.toggle('embed', embed);
})();
