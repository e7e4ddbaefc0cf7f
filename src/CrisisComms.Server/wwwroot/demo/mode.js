// Demo pages only: passes ?mode=exercise (or test) on to the widget's data-mode, and shows it.
// Runs before the deferred widget script, so the widget reads the attribute already set.
(function () {
  try {
    var mode = new URLSearchParams(window.location.search).get('mode');
    if (mode !== 'exercise' && mode !== 'test') return;
    var script = document.getElementById('crisis-banner-script');
    if (script) script.setAttribute('data-mode', mode);
    window.CrisisBannerDemoMode = mode;
    document.addEventListener('DOMContentLoaded', function () {
      var note = document.getElementById('demo-mode');
      if (note) note.textContent = mode === 'exercise' ? 'övning (mode=exercise)' : 'test (mode=test)';
    });
  } catch (e) { /* a demo nicety only */ }
})();
