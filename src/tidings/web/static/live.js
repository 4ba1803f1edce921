// Live front page: polls /api/events?changed_since=STAMP and inserts new events or
// updates grown ones in place. Event data from articles is untrusted, so it only ever
// goes into the page through textContent and element properties, never as HTML.
(function () {
  "use strict";
  var table = document.getElementById("events");
  if (!table || !window.fetch) return;
  var body = table.tBodies[0];
  var stamp = table.dataset.stamp || "";
  var every = Math.max(1, parseFloat(table.dataset.poll || "3")) * 1000;
  var insert = table.dataset.insert === "1";
  var status = document.getElementById("live");
  var PAGE = 50;
  var MAX_PAGES = 20;
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function when(iso) {
    if (!iso) return "";
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
    if (!m) return iso;
    var s = String(+m[3]) + " " + months[+m[2] - 1] + " " + m[1];
    return m[4] ? s + ", " + m[4] + ":" + m[5] : s;
  }

  function td(cls) {
    var c = document.createElement("td");
    c.className = cls;
    return c;
  }

  function newRow(ev) {
    var tr = document.createElement("tr");
    var title = td("title");
    var a = document.createElement("a");
    a.href = "/events/" + encodeURIComponent(ev.id);
    a.dir = "auto";
    title.appendChild(a);
    tr.appendChild(title);
    ["langs", "sources", "num size", "num growth", "first"].forEach(function (cls) {
      tr.appendChild(td(cls));
    });
    return tr;
  }

  function fill(tr, ev) {
    var cells = tr.cells;
    tr.dataset.id = ev.id;
    tr.dataset.articles = String(ev.articles);
    cells[0].firstChild.textContent = ev.title || "(untitled)";
    var story = cells[0].querySelector("a.story");
    if (ev.story && ev.story_events > 1) {
      if (!story) {
        story = document.createElement("a");
        story.className = "story";
        cells[0].appendChild(document.createTextNode(" "));
        cells[0].appendChild(story);
      }
      story.href = "/stories/" + encodeURIComponent(ev.story);
      story.textContent = "story · " + ev.story_events + " events";
    } else if (story) {
      story.remove();
    }
    cells[1].textContent = (ev.languages || []).join(", ");
    var src = ev.sources || [];
    cells[2].textContent = src.length ? src.length + ": " + src.slice(0, 3).join(", ") + (src.length > 3 ? ", …" : "") : "—";
    cells[2].title = src.join(", ");
    cells[3].textContent = String(ev.articles);
    cells[4].textContent = ev.growth ? "+" + ev.growth : "";
    cells[5].textContent = when(ev.first_time);
  }

  function findRow(id) {
    for (var i = 0; i < body.rows.length; i++) {
      if (body.rows[i].dataset.id === id) return body.rows[i];
    }
    return null;
  }

  function upsert(ev) {
    var tr = findRow(ev.id);
    if (tr) {
      if (tr.dataset.articles === String(ev.articles)) return 0;
      fill(tr, ev);
      tr.classList.add("grown");
      return 1;
    }
    if (!insert) return 0;
    tr = newRow(ev);
    fill(tr, ev);
    tr.classList.add("fresh");
    body.insertBefore(tr, body.firstChild);
    var empty = document.getElementById("empty");
    if (empty) empty.hidden = true;
    return 1;
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  // All the events changed since the stamp, over as many pages as they fill: a big ingest
  // changes more than one answer holds, and the stamp moves past all of them at once.
  function changes(since) {
    var url = "/api/events?limit=" + PAGE + "&changed_since=" + encodeURIComponent(since);
    var found = { events: [], removed: [], stamp: null, more: false };
    function read(n) {
      return getJSON(url + "&page=" + n).then(function (data) {
        if (!data) return null;
        if (n === 1) {
          found.stamp = data.stamp;
          found.removed = data.removed || [];
        }
        found.events = found.events.concat(data.events);
        if (n < data.pages) {
          if (n < MAX_PAGES) return read(n + 1);
          found.more = true;
        }
        return found;
      });
    }
    return read(1);
  }

  function poll() {
    changes(stamp)
      .then(function (found) {
        if (!found) return;
        var changed = 0;
        // Events merged into another are gone: their rows (and links) with them.
        found.removed.forEach(function (id) {
          var tr = findRow(id);
          if (tr) { tr.parentNode.removeChild(tr); changed += 1; }
        });
        // Oldest first, each inserted on top: the newest ends first.
        found.events.slice().reverse().forEach(function (ev) { changed += upsert(ev); });
        if (found.stamp) stamp = found.stamp;
        if (status && found.more) {
          status.textContent = "Many events changed: reload the page to see them all.";
        } else if (status && changed) {
          status.textContent = "Live: updated " + new Date().toLocaleTimeString();
        }
      })
      .catch(function () { /* the server may be restarting; try again next time */ })
      .then(function () { setTimeout(poll, every); });
  }

  setTimeout(poll, every);
})();
