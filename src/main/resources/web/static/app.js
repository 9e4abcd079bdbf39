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
