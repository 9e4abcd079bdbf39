/*! Bayan search box: <script src="https://BAYAN/embed.js" async></script> <bayan-search lang="ar"></bayan-search> */
(function () {
  'use strict';
  if (!window.customElements || customElements.get('bayan-search')) return;
  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var T = {
    ar: { label: 'ابحث في البيانات الرسمية', results: 'نتائج البحث', all: 'كل النتائج', none: 'لا توجد نتائج',
      n: function (k) { return k === 1 ? 'نتيجة واحدة' : k + ' نتيجة'; }, err: 'تعذّر البحث', close: 'إغلاق',
      st: { verified: 'موثّق', signed: 'موقّع', unverified: 'غير موثّق', unsigned: 'غير موثّق', invalid: 'توقيع غير صالح' } },
    en: { label: 'Search official statements', results: 'Search results', all: 'All results', none: 'No results',
      n: function (k) { return k === 1 ? '1 result' : k + ' results'; }, err: 'Search failed', close: 'Close',
      st: { verified: 'Verified', signed: 'Signed', unverified: 'Unverified', unsigned: 'Unsigned', invalid: 'Invalid signature' } }
  };
  var CSS = ':host{--bayan-font:"Noto Naskh Arabic","Geeza Pro",Tahoma,system-ui,sans-serif;display:block;position:relative;' +
    'font-family:var(--bayan-font);color:var(--bayan-fg,#1b1f23);font-size:var(--bayan-font-size,16px);line-height:1.5}' +
    '.box{position:relative}' +
    'input{box-sizing:border-box;width:100%;font:inherit;font-size:1.05em;padding:.6em .8em;color:inherit;' +
    'background:var(--bayan-bg,#fff);border:1px solid var(--bayan-border,#8a96a3);border-radius:var(--bayan-radius,6px)}' +
    'input:focus{outline:3px solid var(--bayan-focus,#1a73e8);outline-offset:1px}' +
    'ul{list-style:none;margin:.25em 0 0;padding:0;position:absolute;inset-inline:0;z-index:var(--bayan-z,1000);' +
    'background:var(--bayan-bg,#fff);border:1px solid var(--bayan-border,#c5ccd3);border-radius:var(--bayan-radius,6px);' +
    'box-shadow:0 8px 24px rgba(0,0,0,.14);max-height:var(--bayan-max-height,28em);overflow:auto}' +
    'ul[hidden]{display:none}' +
    'li{padding:.6em .8em;border-bottom:1px solid #eef0f2;cursor:pointer}' +
    'li[aria-selected=true]{background:var(--bayan-active-bg,#e6f0ec);box-shadow:inset 3px 0 var(--bayan-accent,#0a5c46)}' +
    ':host([dir=rtl]) li[aria-selected=true]{box-shadow:inset -3px 0 var(--bayan-accent,#0a5c46)}' +
    '.t{display:block;font-weight:700}.m{display:block;font-size:.85em;color:var(--bayan-muted,#59636e)}' +
    '.a{color:var(--bayan-accent,#0a5c46);font-weight:600}.s{display:block;font-size:.9em;margin-top:.15em}' +
    '.b{display:inline-block;border-radius:1em;padding:0 .5em;background:#eef1f4;font-size:.85em;margin-inline-start:.4em}' +
    'mark{background:var(--bayan-mark-bg,#fff0b3);color:inherit}' +
    '.all{color:var(--bayan-accent,#0a5c46);font-weight:600}' +
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '.x{display:none}' +
    '@media (max-width:600px){:host([open]) .box{position:fixed;inset:0;z-index:var(--bayan-z,1000);' +
    'background:var(--bayan-bg,#fff);padding:.75em;display:flex;flex-direction:column;gap:.5em}' +
    ':host([open]) .row{display:flex;gap:.5em}:host([open]) ul{position:static;flex:1;max-height:none;box-shadow:none}' +
    ':host([open]) .x{display:block;font:inherit;border:0;background:none;color:var(--bayan-accent,#0a5c46)}}';
  var sheet = null;
  var n = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // The API's title and snippet are escaped text with <mark> around matches. Rebuild them from their text
  // and <mark> elements only, so nothing else a server could send (markup, handlers) ever reaches the page.
  function marked(html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html || ''; // a template's content is inert: no script runs, no image loads
    var out = document.createDocumentFragment();
    (function walk(from, to) {
      from.childNodes.forEach(function (c) {
        if (c.nodeType === 3) to.appendChild(document.createTextNode(c.nodeValue));
        else if (c.nodeType === 1 && c.nodeName === 'MARK') to.appendChild(el('mark', null, c.textContent));
        else if (c.nodeType === 1) walk(c, to);
      });
    })(tpl.content, out);
    return out;
  }

  class BayanSearch extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({ mode: 'open' });
      if (!sheet && 'adoptedStyleSheets' in root) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      if (sheet) root.adoptedStyleSheets = [sheet];
      else root.appendChild(el('style', null, CSS));
      var id = 'bayan' + (++n);
      this._id = id;
      var box = el('div', 'box');
      box.setAttribute('part', 'box');
      var row = el('div', 'row');
      var label = el('label', 'sr');
      label.htmlFor = id + 'q';
      var input = el('input');
      input.id = id + 'q';
      input.type = 'search';
      input.setAttribute('role', 'combobox');
      input.setAttribute('aria-autocomplete', 'list');
      input.setAttribute('aria-expanded', 'false');
      input.setAttribute('aria-controls', id + 'l');
      input.setAttribute('autocomplete', 'off');
      input.setAttribute('dir', 'auto');
      input.setAttribute('part', 'input');
      var x = el('button', 'x');
      x.type = 'button';
      var list = el('ul');
      list.id = id + 'l';
      list.setAttribute('role', 'listbox');
      list.setAttribute('part', 'listbox');
      list.hidden = true;
      var live = el('div', 'sr');
      live.setAttribute('role', 'status');
      row.append(input, x);
      box.append(label, row, list, live);
      root.appendChild(box);
      this._in = input; this._list = list; this._live = live; this._label = label; this._x = x;
      this._items = []; this._active = -1; this._timer = 0; this._ctl = null; this._cache = {};
      var self = this;
      input.addEventListener('input', function () { self._schedule(); });
      input.addEventListener('keydown', function (e) { self._key(e); });
      input.addEventListener('blur', function () { setTimeout(function () { if (!self.shadowRoot.activeElement) self._close(); }, 150); });
      x.addEventListener('click', function () { self._close(); input.blur(); });
      list.addEventListener('mousedown', function (e) { e.preventDefault(); });
      list.addEventListener('click', function (e) {
        var li = e.target.closest && e.target.closest('li');
        if (li) self._go(Number(li.getAttribute('data-i')));
      });
    }

    connectedCallback() { this._labels(); }
    static get observedAttributes() { return ['ui', 'lang', 'placeholder']; }
    attributeChangedCallback() { this._labels(); }

    // Interface language: `ui`, else the element's own `lang`; `statement-lang` filters statements instead.
    _lang() { return (this.getAttribute('ui') || this.getAttribute('lang') || 'ar').slice(0, 2).toLowerCase() === 'en' ? 'en' : 'ar'; }
    _t() { return T[this._lang()]; }
    _endpoint() { return (this.getAttribute('endpoint') || ORIGIN).replace(/\/+$/, ''); }
    _limit() { var l = parseInt(this.getAttribute('limit'), 10); return l > 0 && l <= 20 ? l : 6; }

    _labels() {
      var t = this._t();
      if (!this.hasAttribute('dir')) this.setAttribute('dir', this._lang() === 'ar' ? 'rtl' : 'ltr');
      this._label.textContent = t.label;
      this._list.setAttribute('aria-label', t.results);
      this._in.placeholder = this.getAttribute('placeholder') || t.label;
      this._x.textContent = t.close;
    }

    _schedule() {
      var self = this;
      clearTimeout(this._timer);
      this._timer = setTimeout(function () { self._search(self._in.value.trim()); }, 180);
    }

    _url(q, size) {
      var u = new URL(this._endpoint() + '/api/search');
      u.searchParams.set('q', q);
      if (size) u.searchParams.set('size', size);
      var a = this.getAttribute('agency');
      if (a) a.split(',').forEach(function (s) { if (s.trim()) u.searchParams.append('agency', s.trim()); });
      var sl = this.getAttribute('statement-lang');
      if (sl) sl.split(',').forEach(function (s) { if (s.trim()) u.searchParams.append('lang', s.trim()); });
      return u;
    }

    _search(q) {
      var self = this;
      if (this._ctl) this._ctl.abort();
      if (q.length < 2) { this._close(); return; }
      var url = this._url(q, this._limit()).href;
      if (this._cache[url]) { this._show(q, this._cache[url]); return; }
      var ctl = this._ctl = window.AbortController ? new AbortController() : null;
      fetch(url, { signal: ctl && ctl.signal, credentials: 'omit', headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) { self._cache[url] = data; if (self._in.value.trim() === q) self._show(q, data); })
        .catch(function (e) { if (e.name !== 'AbortError') { self._live.textContent = self._t().err; } });
    }

    _show(q, data) {
      var t = this._t(), lang = this._lang(), list = this._list, id = this._id, hits = data.hits || [];
      list.textContent = '';
      this._items = [];
      var self = this;
      hits.forEach(function (h) {
        var li = el('li');
        li.appendChild(el('span', 't')).appendChild(marked(h.title || h.id));
        var m = li.appendChild(el('span', 'm'));
        var ag = h.agency || {};
        m.appendChild(el('span', 'a', (lang === 'ar' ? ag.name_ar || ag.name_en : ag.name_en || ag.name_ar) || ag.id || ''));
        var d = date(h.published_at, lang);
        if (d) m.appendChild(document.createTextNode(' · ' + d));
        var st = h.status && (typeof h.status === 'string' ? h.status : h.status.state || h.status.label);
        if (st) m.appendChild(el('span', 'b', t.st[st] || st));
        if (h.snippet) li.appendChild(el('span', 's')).appendChild(marked(h.snippet));
        li.title = '';
        self._items.push({ li: li, href: self._endpoint() + '/s/' + encodeURIComponent(h.id) });
      });
      if (hits.length) {
        var all = el('li', 'all', t.all + (data.total > hits.length ? ' (' + t.n(data.total) + ')' : ''));
        var u = this._url(q); u.pathname = '/'; u.searchParams.set('ui', lang);
        this._items.push({ li: all, href: u.href });
      } else {
        var none = el('li', 'm', t.none);
        none.setAttribute('aria-disabled', 'true');
        list.appendChild(none);
      }
      this._items.forEach(function (it, i) {
        it.li.id = id + 'o' + i;
        it.li.setAttribute('role', 'option');
        it.li.setAttribute('aria-selected', 'false');
        it.li.setAttribute('data-i', i);
        it.li.setAttribute('dir', 'auto');
        list.appendChild(it.li);
      });
      if (!hits.length) { none.setAttribute('role', 'option'); none.id = id + 'none'; }
      this._active = -1;
      this._in.removeAttribute('aria-activedescendant');
      this._open(true);
      this._live.textContent = hits.length ? t.n(data.total) : t.none;
    }

    _open(on) {
      this._list.hidden = !on;
      this._in.setAttribute('aria-expanded', on ? 'true' : 'false');
      this.toggleAttribute('open', on);
    }

    _close() {
      this._open(false);
      this._active = -1;
      this._in.removeAttribute('aria-activedescendant');
    }

    _move(d) {
      var k = this._items.length;
      if (!k) return;
      if (this._list.hidden) this._open(true);
      var i = this._active < 0 ? (d > 0 ? 0 : k - 1) : (this._active + d + k) % k;
      if (this._active >= 0) this._items[this._active].li.setAttribute('aria-selected', 'false');
      this._active = i;
      var li = this._items[i].li;
      li.setAttribute('aria-selected', 'true');
      this._in.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }

    _key(e) {
      switch (e.key) {
        case 'ArrowDown': e.preventDefault(); this._move(1); break;
        case 'ArrowUp': e.preventDefault(); this._move(-1); break;
        case 'Enter':
          if (this._active >= 0) { e.preventDefault(); this._go(this._active); }
          else if (this._in.value.trim()) { e.preventDefault(); var u = this._url(this._in.value.trim()); u.pathname = '/'; u.searchParams.set('ui', this._lang()); this._nav(u.href); }
          break;
        case 'Escape':
          if (!this._list.hidden) { e.preventDefault(); this._close(); } else if (this._in.value) { e.preventDefault(); this._in.value = ''; }
          break;
        case 'Tab': this._close(); break;
      }
    }

    _go(i) {
      var it = this._items[i];
      if (it) this._nav(it.href);
    }

    _nav(href) {
      var ev = new CustomEvent('bayan-select', { detail: { href: href }, bubbles: true, composed: true, cancelable: true });
      if (this.dispatchEvent(ev)) window.open(href, this.getAttribute('target') || '_self');
    }
  }

  function date(s, lang) {
    if (!s) return '';
    var d = new Date(s.slice(0, 10) + 'T12:00:00Z'); // the agency's own calendar day
    if (isNaN(d)) return s;
    var o = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    try {
      var g = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', o).format(d);
      return lang === 'ar' ? g + ' (' + new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura-nu-latn', o).format(d) + ')' : g;
    } catch (e) { return s.slice(0, 10); }
  }

  customElements.define('bayan-search', BayanSearch);
})();
