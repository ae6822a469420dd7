// The report's behaviour: highlight what a summary item or a sentence rests on, sort and
// filter the who-said-what table. Reads data-* attributes only; never writes markup.
(function () {
  "use strict";
  var marked = [];
  function clear() { marked.forEach(function (el) { el.classList.remove("hl"); }); marked = []; }
  function mark(el) { if (el) { el.classList.add("hl"); marked.push(el); } }
  function sentence(id) { return document.getElementById("s" + id); }
  document.querySelectorAll(".item").forEach(function (item) {
    function on() {
      clear(); mark(item);
      item.dataset.sentences.split(" ").forEach(function (id) { mark(sentence(id)); });
    }
    item.addEventListener("mouseenter", on); item.addEventListener("focus", on);
    item.addEventListener("mouseleave", clear); item.addEventListener("blur", clear);
  });
  document.querySelectorAll(".pair[data-sentence]").forEach(function (row) {
    function on() {
      clear(); mark(row);
      var id = row.dataset.sentence;
      document.querySelectorAll(".item").forEach(function (item) {
        if (item.dataset.sentences.split(" ").indexOf(id) >= 0) { mark(item); }
      });
    }
    row.addEventListener("mouseenter", on); row.addEventListener("focus", on);
    row.addEventListener("mouseleave", clear); row.addEventListener("blur", clear);
  });
  var table = document.getElementById("claims");
  if (!table) { return; }
  var body = table.tBodies[0];
  var party = document.getElementById("filter-party");
  var kind = document.getElementById("filter-kind");
  var shown = document.getElementById("shown");
  function filter() {
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (tr) {
      var ok = (!party.value || tr.dataset.party === party.value) &&
               (!kind.value || tr.dataset.kind === kind.value);
      tr.hidden = !ok; if (ok) { n += 1; }
    });
    shown.textContent = n + " of " + body.rows.length + " claims";
  }
  party.addEventListener("change", filter); kind.addEventListener("change", filter);
  filter();
  table.querySelectorAll("th button").forEach(function (button) {
    var ascending = true;
    button.addEventListener("click", function () {
      var col = Number(button.dataset.sort), numeric = button.dataset.type === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
        var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? c : -c;
      });
      rows.forEach(function (tr) { body.appendChild(tr); });
      table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      ascending = !ascending;
    });
  });
}());
