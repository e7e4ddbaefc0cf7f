// Demo intranet: sign in with a local account, keep the token in sessionStorage, hand it to the
// banner widget through the documented hook, then load the widget. Not part of the widget.
(function () {
  'use strict';
  var KEY = 'crisiscomms-demo-token';
  var widgetLoaded = false;

  function mode() {
    var m = new URLSearchParams(window.location.search).get('mode');
    return m === 'exercise' || m === 'test' ? m : 'actual';
  }

  function readToken() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      if (saved && saved.accessToken && saved.expiresAt > Date.now()) return saved;
    } catch (e) { /* none */ }
    return null;
  }

  function show(id, visible) {
    document.getElementById(id).hidden = !visible;
  }

  function refreshView() {
    var saved = readToken();
    show('signin', !saved);
    show('signed-in', !!saved);
    if (saved) document.getElementById('signed-in-user').textContent = saved.username;
  }

  // The hook: the widget calls it for every hub (re)connection and every poll, so a new
  // sign-in is picked up without reloading; an expired token shows the form again.
  window.CrisisBanner = window.CrisisBanner || {};
  window.CrisisBanner.accessTokenFactory = function () {
    var saved = readToken();
    if (!saved) {
      try { sessionStorage.removeItem(KEY); } catch (e) { /* none */ }
      refreshView();
      return '';
    }
    return saved.accessToken;
  };

  function loadWidget() {
    if (widgetLoaded) return;
    widgetLoaded = true;
    var s = document.createElement('script');
    s.src = '/widget/crisis-banner.js';
    s.setAttribute('data-audience', 'intranet');
    s.setAttribute('data-target', 'crisis-banner-slot');
    if (mode() !== 'actual') s.setAttribute('data-mode', mode());
    document.head.appendChild(s);
  }

  function shown(message) {
    var e = new Error(message);
    e.shown = true;
    return e;
  }

  function signIn(event) {
    event.preventDefault();
    var form = event.target;
    var error = document.getElementById('signin-error');
    var username = form.username.value.trim();
    var password = form.password.value;
    if (!username || !password) {
      error.textContent = 'Fyll i användarnamn och lösenord.';
      return;
    }
    error.textContent = 'Loggar in …';
    fetch('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: username, password: password }),
    }).then(function (response) {
      if (response.status === 401) throw shown('Fel användarnamn eller lösenord.');
      if (response.status === 429) throw shown('För många försök. Vänta en stund och försök igen.');
      if (!response.ok) throw shown('Inloggningen misslyckades (' + response.status + ').');
      return response.json();
    }).then(function (body) {
      sessionStorage.setItem(KEY, JSON.stringify({
        username: username,
        accessToken: body.accessToken,
        expiresAt: Date.now() + Math.max(0, (body.expiresIn || 0) - 30) * 1000,
      }));
      form.reset();
      error.textContent = '';
      refreshView();
      loadWidget();
      // The form the user was in is gone: put focus on what replaced it.
      document.getElementById('signout').focus();
    }).catch(function (e) {
      error.textContent = e && e.shown ? e.message : 'Kunde inte nå servern. Försök igen.';
    });
  }

  function signOut() {
    try { sessionStorage.removeItem(KEY); } catch (e) { /* none */ }
    window.location.reload();
  }

  document.getElementById('signin-form').addEventListener('submit', signIn);
  document.getElementById('signout').addEventListener('click', signOut);
  if (mode() !== 'actual') {
    document.getElementById('demo-mode').textContent =
      mode() === 'exercise' ? 'övning (mode=exercise)' : 'test (mode=test)';
  }
  refreshView();
  if (readToken()) loadWidget();
})();
