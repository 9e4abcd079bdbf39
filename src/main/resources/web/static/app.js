// Conveniences on top of the server-rendered pages; everything works without this file.
(function () {
  'use strict';
  // Copy buttons: shown only when the script runs, since they need it.
  document.querySelectorAll('button[data-copy]').forEach(function (btn) {
    var source = document.getElementById(btn.getAttribute('data-copy'));
    if (!source) return;
    btn.hidden = false;
    btn.addEventListener('click', function () {
      var text = source.textContent;
      var status = btn.parentNode.querySelector('.copy-status');
      var done = function () {
        if (status) status.textContent = btn.getAttribute('data-copied');
        setTimeout(function () { if (status) status.textContent = ''; }, 2500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { select(source); });
      } else {
        select(source);
      }
    });
  });

  function select(el) {
    var r = document.createRange();
    r.selectNodeContents(el);
    var s = window.getSelection();
    s.removeAllRanges();
    s.addRange(r);
  }

  // Type-ahead on the search box: /api/suggest as an ARIA combobox (listbox popup, aria-activedescendant).
  // ↓ ↑ move, Enter opens the chosen suggestion (or searches when none is chosen), Esc closes, Tab leaves.
  var box = document.getElementById('q');
  var form = box && box.form;
  if (box && form && form.classList.contains('search-form')) {
    var ar = document.documentElement.lang !== 'en';
    var L = ar ? { list: 'اقتراحات', agency: 'جهة', title: 'بيان', n: function (k) { return k === 1 ? 'اقتراح واحد' : k + ' اقتراحات'; } }
      : { list: 'Suggestions', agency: 'Agency', title: 'Statement', n: function (k) { return k === 1 ? '1 suggestion' : k + ' suggestions'; } };
    var ui = new URLSearchParams(location.search).get('ui');
    var list = document.createElement('ul');
    list.id = 'q-suggestions';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', L.list);
    list.hidden = true;
    var live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    box.parentNode.after(list, live);
    form.classList.add('has-suggestions');
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-expanded', 'false');
    box.setAttribute('aria-controls', list.id);
    var items = [], active = -1, timer = 0, seq = 0;

    var close = function () {
      list.hidden = true;
      box.setAttribute('aria-expanded', 'false');
      box.removeAttribute('aria-activedescendant');
      active = -1;
    };
    var href = function (s) {
      var u = s.kind === 'agency' ? new URL('/', location.href) : new URL('/s/' + encodeURIComponent(s.id), location.href);
      if (s.kind === 'agency') u.searchParams.set('agency', s.id);
      if (ui) u.searchParams.set('ui', ui);
      return u.pathname + u.search;
    };
    var show = function (suggestions) {
      list.textContent = '';
      items = suggestions.map(function (s, i) {
        var li = document.createElement('li');
        li.id = 'q-opt-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        var text = document.createElement('span');
        text.className = 'text';
        text.dir = 'auto';
        text.textContent = s.text;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = s.kind === 'agency' ? L.agency : L.title;
        li.append(text, kind);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { location.href = href(s); });
        list.appendChild(li);
        return { li: li, s: s };
      });
      active = -1;
      box.removeAttribute('aria-activedescendant');
      list.hidden = !items.length;
      box.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      live.textContent = items.length ? L.n(items.length) : '';
    };
    var move = function (d) {
      if (!items.length) return;
      list.hidden = false;
      box.setAttribute('aria-expanded', 'true');
      if (active >= 0) items[active].li.setAttribute('aria-selected', 'false');
      active = active < 0 ? (d > 0 ? 0 : items.length - 1) : (active + d + items.length) % items.length;
      items[active].li.setAttribute('aria-selected', 'true');
      box.setAttribute('aria-activedescendant', items[active].li.id);
      items[active].li.scrollIntoView({ block: 'nearest' });
    };
    box.addEventListener('input', function () {
      clearTimeout(timer);
      var typed = box.value;
      if (typed.trim().length < 2) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch('/api/suggest?size=8&q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (d) { if (mine === seq && box.value === typed) show(d.suggestions || []); })
          .catch(function () { close(); });
      }, 150);
    });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
      else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); location.href = href(items[active].s); }
      else if (e.key === 'Escape' && !list.hidden) { e.preventDefault(); close(); }
      else if (e.key === 'Tab') close();
    });
    box.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  // Order and dates left empty are not sent, so the address stays the search's own (/?q=… not &sort=&from=&to=).
  var searchForm = document.querySelector('form.search-form');
  if (searchForm) {
    searchForm.addEventListener('submit', function () {
      searchForm.querySelectorAll('.options select, .options input').forEach(function (el) { if (!el.value) el.disabled = true; });
    });
    window.addEventListener('pageshow', function () {
      searchForm.querySelectorAll('.options select, .options input').forEach(function (el) { el.disabled = false; });
    });
  }

  // "/" focuses the search box, as on most search sites.
  var q = document.getElementById('q');
  if (q) {
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement === document.body) {
        e.preventDefault();
        q.focus();
      }
    });
  }
})();
