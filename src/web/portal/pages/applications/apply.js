/* global document */
// Progressive enhancement of the application form: while the applicant describes the
// information, suggest items already published (第三十六条第一项). The form works without this.
(function () {
  var form = document.querySelector('form.apply[data-agency]');
  var box = document.getElementById('suggestions');
  if (!form || !box) return;
  var agency = form.getAttribute('data-agency');
  var timer = null;
  var last = '';
  function show(items) {
    box.textContent = '';
    if (!items.length) return;
    var p = document.createElement('p');
    p.textContent = '以下信息已经主动公开，如正是您需要的，可直接查阅：';
    var ul = document.createElement('ul');
    items.forEach(function (it) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = it.url;
      a.textContent = it.title;
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(p);
    box.appendChild(ul);
  }
  function query() {
    var text = ['infoTitle', 'infoDescription']
      .map(function (id) {
        var el = document.getElementById(id);
        return el ? el.value : '';
      })
      .join(' ')
      .trim();
    if (text.length < 2 || text === last) return;
    last = text;
    fetch(
      '/api/v1/public/suggest?q=' + encodeURIComponent(text.slice(0, 100)) + '&agency=' + encodeURIComponent(agency),
      { headers: { accept: 'application/json' } },
    )
      .then(function (r) {
        return r.ok ? r.json() : { items: [] };
      })
      .then(function (data) {
        show(data.items || []);
      })
      .catch(function () {
        /* suggestions are optional */
      });
  }
  ['infoTitle', 'infoDescription'].forEach(function (id) {
    var el = document.getElementById(id);
    if (el)
      el.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(query, 400);
      });
  });
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
