// The console's live pages update themselves (progressive enhancement: without this script the
// "Vernieuwen" links still work). Served as a file: the live pages' CSP allows scripts from the console
// itself only (script-src 'self'), never inline. Rules (docs/console.md, "Live chat"):
// - poll the console's own JSON (same session cookie, same region scope as the page);
// - never move, steal or lose keyboard focus: rows are updated in place, a row that holds the focus is
//   kept (marked "Niet meer open") until the focus has left it, new rows and messages are only added;
// - announce politely (aria-live="polite"): one short sentence for new waiting chats or a user's message,
//   never the whole list again;
// - a half-typed message in the chat's text box is never touched.
(function () {
  "use strict";
  var LIST_EVERY_MS = 5000;
  var CHAT_EVERY_MS = 3000;
  var MAX_WAIT_MS = 60000;

  function announce(region, sentence) {
    if (!region || !sentence) return;
    // a new text node, so the same sentence twice is announced twice
    region.textContent = "";
    window.setTimeout(function () { region.textContent = sentence; }, 50);
  }

  function poller(url, every, onData, onGone) {
    var wait = every;
    var stopped = false;
    function next() { if (!stopped) window.setTimeout(tick, wait); }
    function tick() {
      fetch(url(), { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (response.status === 401 || response.status === 403 || response.status === 404) {
            stopped = true;
            onGone(response.status);
            return null;
          }
          if (!response.ok) throw new Error("status " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (data) { onData(data); wait = every; }
          next();
        })
        .catch(function () { wait = Math.min(wait * 2, MAX_WAIT_MS); next(); }); // offline: try again later
    }
    next();
  }

  function showScriptNotes() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-met-script]"), function (el) { el.hidden = false; });
  }

  // --- the list (/live) -------------------------------------------------------------------------
  function cell(text) {
    var td = document.createElement("td");
    td.textContent = text;
    return td;
  }

  function newRow(item) {
    var tr = document.createElement("tr");
    tr.dataset.sleutel = item.sleutel;
    tr.dataset.status = item.status;
    tr.appendChild(cell(item.gevraagd_op));
    tr.appendChild(cell(item.regio));
    var status = cell(item.status_tekst);
    status.setAttribute("data-status-tekst", "");
    tr.appendChild(status);
    var link = document.createElement("a");
    link.href = item.link;
    link.textContent = "Open live chat";
    var hidden = document.createElement("span");
    hidden.className = "sr";
    hidden.textContent = " van " + item.gevraagd_kort;
    link.appendChild(hidden);
    var td = document.createElement("td");
    td.appendChild(link);
    tr.appendChild(td);
    return tr;
  }

  function startList(root) {
    var table = root.querySelector("table");
    var body = table.querySelector("tbody");
    var empty = document.getElementById("live-leeg");
    var region = document.getElementById("live-aankondiging");
    var known = {};
    Array.prototype.forEach.call(body.rows, function (row) { known[row.dataset.sleutel] = true; });

    function update(data) {
      var items = Array.isArray(data.items) ? data.items : [];
      var wanted = {};
      var fresh = [];
      items.forEach(function (item) { wanted[item.sleutel] = item; });
      var rows = {};
      Array.prototype.forEach.call(body.rows, function (row) { rows[row.dataset.sleutel] = row; });
      // gone: removed, unless the keyboard focus is in it (then only marked, removed on a later round)
      Object.keys(rows).forEach(function (key) {
        if (wanted[key]) return;
        var row = rows[key];
        if (row.contains(document.activeElement)) {
          var text = row.querySelector("[data-status-tekst]");
          if (text && text.textContent !== root.dataset.weg) text.textContent = root.dataset.weg;
          return;
        }
        row.remove();
        delete rows[key];
      });
      // present: status text changed in place; new: inserted before the next row that is shown already
      items.forEach(function (item, index) {
        var row = rows[item.sleutel];
        if (row) {
          var text = row.querySelector("[data-status-tekst]");
          if (text && text.textContent !== item.status_tekst) text.textContent = item.status_tekst;
          row.dataset.status = item.status;
          return;
        }
        row = newRow(item);
        var before = null;
        for (var j = index + 1; j < items.length && !before; j += 1) before = rows[items[j].sleutel] || null;
        body.insertBefore(row, before);
        rows[item.sleutel] = row;
        if (!known[item.sleutel] && item.status === "wachtend") fresh.push(item);
        known[item.sleutel] = true;
      });
      var any = body.rows.length > 0;
      if (table.hidden === any) table.hidden = !any;
      if (empty && empty.hidden !== any) empty.hidden = any;
      if (fresh.length === 1) announce(region, root.dataset.een.replace("{regio}", fresh[0].regio));
      else if (fresh.length > 1) announce(region, root.dataset.meer.replace("{aantal}", String(fresh.length)));
    }

    poller(function () { return root.dataset.bron; }, LIST_EVERY_MS, update,
      function () { announce(region, root.dataset.uitgelogd); });
  }

  // --- one chat (/live/{key}) ----------------------------------------------------------------------
  function startChat(root) {
    var list = document.getElementById("berichten");
    var status = document.getElementById("live-status");
    var region = document.getElementById("live-aankondiging");
    var lastStatus = status ? status.textContent.trim() : "";

    function update(data) {
      if (typeof data.laatste === "number" && data.laatste > Number(root.dataset.na || 0)) {
        root.dataset.na = String(data.laatste);
      }
      if (data.html && list) {
        // server-rendered and escaped by the console's templates (the page's own markup, masked)
        list.insertAdjacentHTML("beforeend", data.html);
      }
      var sentence = data.aankondiging || "";
      if (status && typeof data.status_html === "string") {
        var probe = document.createElement("span");
        probe.innerHTML = data.status_html;
        var now = probe.textContent.trim();
        if (now !== lastStatus) {
          status.innerHTML = data.status_html;
          lastStatus = now;
          sentence = sentence ? sentence + " " + now : now;
        }
      }
      announce(region, sentence);
    }

    poller(function () { return root.dataset.bron + "?na=" + encodeURIComponent(root.dataset.na || "0"); },
      CHAT_EVERY_MS, update, function () { announce(region, root.dataset.uitgelogd); });
  }

  function start() {
    var list = document.getElementById("live-lijst");
    var chat = document.getElementById("live-gesprek");
    if (!window.fetch || (!list && !chat)) return;
    showScriptNotes();
    if (list) startList(list);
    if (chat) startChat(chat);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
