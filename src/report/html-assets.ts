/**
 * The HTML report's only style sheet and script, inlined. Neither contains '<' or '&', so the page
 * stays well-formed XML; the Content-Security-Policy admits exactly these two (by hash) and nothing
 * from the network.
 */

export const REPORT_CSS = `
:root { color-scheme: light; --err: #ffc7ce; --err-line: #c0392b; --warn: #ffeb9c; --warn-line: #b7791f;
  --info: #ddebf7; --info-line: #2b6cb0; --line: #d0d7de; --muted: #59636e; --focus: #1f6feb; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f8fa; color: #1f2328;
  font: 14px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
header, main, footer { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 8px; word-break: break-all; }
h3 { font-size: 15px; margin: 20px 0 8px; }
.muted { color: var(--muted); }
.verdict { font-weight: 600; }
.verdict.fail { color: var(--err-line); }
.verdict.pass { color: #1a7f37; }
section.file, section.rules { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 3px 8px; vertical-align: top; }
th { background: #f0f3f6; font-weight: 600; text-align: center; }
table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 8px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid; white-space: nowrap; }
.badge.error { background: var(--err); border-color: var(--err-line); color: #7d1a12; }
.badge.warn { background: var(--warn); border-color: var(--warn-line); color: #6b4a07; }
.badge.info { background: var(--info); border-color: var(--info-line); color: #143d6b; }
.badge.culprit { background: #ffc7ce; border-color: #a40e26; color: #a40e26; margin-left: 4px; }
table.findings { width: 100%; }
table.findings td.place { white-space: nowrap; }
table.findings td.rule code { font-size: 12px; }
table.findings td.rule .title { display: block; color: var(--muted); font-size: 12px; }
table.findings .figures { display: block; color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
tr.finding.sel, tr.finding:target { background: #fff8c5; }
details.table { margin: 8px 0; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
details.table > summary { cursor: pointer; padding: 6px 10px; background: #f6f8fa; border-radius: 6px; }
details.table[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
.scroll { overflow-x: auto; padding: 8px; }
table.grid { font-size: 13px; font-variant-numeric: tabular-nums; }
table.grid th.rn { background: #eef1f4; color: var(--muted); font-weight: 400; min-width: 2.5em; text-align: right; }
table.grid th .col { display: block; color: var(--muted); font-weight: 400; font-size: 11px; }
table.grid th.block { background: #e7ecf1; }
table.grid td.code { color: var(--muted); white-space: nowrap; }
table.grid td.label { min-width: 12em; }
table.grid td.label.lv2 { padding-left: 1.6em; }
table.grid td.label.lv3 { padding-left: 2.8em; }
table.grid tr.total td { font-weight: 600; }
table.grid tr.hidden-row td { color: var(--muted); font-style: italic; }
table.grid td.amt { text-align: right; white-space: nowrap; min-width: 6.5em; }
table.grid td.amt a { color: inherit; text-decoration: none; display: block; }
table.grid td.unreadable { color: var(--err-line); font-style: italic; }
td.hit { cursor: pointer; }
td.hit.error { background: var(--err); box-shadow: inset 0 0 0 2px var(--err-line); }
td.hit.warn { background: var(--warn); box-shadow: inset 0 0 0 2px var(--warn-line); }
td.hit.info { background: var(--info); box-shadow: inset 0 0 0 2px var(--info-line); }
td.rel { outline: 2px dashed #8c959f; outline-offset: -3px; cursor: pointer; }
td.culprit { background: repeating-linear-gradient(135deg, #ff9a9e 0 6px, #ffc7ce 6px 12px); box-shadow: inset 0 0 0 3px #a40e26; font-weight: 700; }
td.hit:hover, td.rel:hover { filter: brightness(0.94); }
td.sel-main { outline: 3px solid var(--focus); outline-offset: -3px; }
td.sel-rel { outline: 2px dashed var(--focus); outline-offset: -3px; background-color: #e8f0fe; }
td:target { outline: 3px solid var(--focus); outline-offset: -3px; }
.legend span { margin-right: 12px; }
.legend i { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 4px; border: 1px solid var(--line); }
.legend i.error { background: var(--err); border-color: var(--err-line); }
.legend i.warn { background: var(--warn); border-color: var(--warn-line); }
.legend i.info { background: var(--info); border-color: var(--info-line); }
.legend i.rel { border: 2px dashed #8c959f; }
.legend i.culprit { background: repeating-linear-gradient(135deg, #ff9a9e 0 3px, #ffc7ce 3px 6px); border: 2px solid #a40e26; }
tr.lead td { border-top: 2px solid #a40e26; background: #fff5f5; }
tr.explained td.place::before { content: "└ "; color: var(--muted); }
tr.explained td { background: #fffafa; }
p.notes { color: var(--muted); font-size: 12px; margin: 0 8px 8px; }
dl.rules dt { font-weight: 600; margin-top: 8px; }
dl.rules dd { margin: 0 0 0 1.5em; }
#panel { position: fixed; right: 16px; bottom: 16px; width: min(460px, 90vw); max-height: 50vh; overflow: auto; background: #fff;
  border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 24px rgba(31, 35, 40, 0.2); padding: 10px 14px; }
#panel[hidden] { display: none; }
#panel .item { border-left: 4px solid var(--line); padding: 2px 8px; margin: 8px 0; }
#panel .item.error { border-color: var(--err-line); }
#panel .item.warn { border-color: var(--warn-line); }
#panel .item.info { border-color: var(--info-line); }
#panel .item p { margin: 2px 0; }
#panel button { float: right; border: 0; background: none; font-size: 18px; cursor: pointer; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 24px; }
@media print { #panel { display: none; } details.table { break-inside: avoid; } }
`;

/** Click a marked cell: its findings in a panel, their cells outlined. Click a finding's place: the same, then go there. */
export const REPORT_JS = `
(function () {
  document.documentElement.classList.add('js');
  var panel = document.getElementById('panel');
  var list = document.getElementById('panel-list');
  function clear() {
    document.querySelectorAll('.sel, .sel-main, .sel-rel').forEach(function (el) {
      el.classList.remove('sel', 'sel-main', 'sel-rel');
    });
  }
  function text(row, selector) {
    var el = row.querySelector(selector);
    return el ? el.textContent : '';
  }
  function show(ids) {
    clear();
    list.textContent = '';
    ids.forEach(function (id) {
      var row = document.getElementById(id);
      if (!row) return;
      row.classList.add('sel');
      (row.getAttribute('data-cells') || '').split(' ').forEach(function (cellId, i) {
        var cell = cellId ? document.getElementById(cellId) : null;
        if (cell) cell.classList.add(i === 0 ? 'sel-main' : 'sel-rel');
      });
      var item = document.createElement('div');
      item.className = 'item ' + row.getAttribute('data-severity');
      var head = document.createElement('b');
      head.textContent = text(row, '.sev') + ' · ' + text(row, '.place') + ' · ' + text(row, '.rule code');
      var message = document.createElement('p');
      message.textContent = text(row, '.message');
      var link = document.createElement('a');
      link.href = '#' + id;
      link.textContent = '在问题列表中查看';
      item.append(head, message, link);
      list.append(item);
    });
    panel.hidden = false;
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var cell = target.closest('td[data-f]');
    if (cell) {
      event.preventDefault();
      show(cell.getAttribute('data-f').split(' '));
      return;
    }
    var go = target.closest('a.goto');
    if (go) {
      var dest = document.getElementById(go.getAttribute('href').slice(1));
      var details = dest ? dest.closest('details') : null;
      if (details) details.open = true;
      show([go.closest('tr').id]);
      return;
    }
    if (target.closest('#panel-close')) {
      panel.hidden = true;
      clear();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      panel.hidden = true;
      clear();
    }
  });
})();
`;
