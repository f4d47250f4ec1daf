// The alignment review page from the keyboard: ↓/j and ↑/k choose a bead,
// n goes to the next bead to check, and each correction's key (its
// button's data-key) applies it to the chosen bead. The beads come back
// from the server (htmx) and the same bead stays chosen.
(function () {
  "use strict";
  var chosen = 0;

  function beads() {
    return Array.prototype.slice.call(document.querySelectorAll("#beads tr.bead"));
  }

  function choose(index) {
    var rows = beads();
    if (!rows.length) return;
    chosen = Math.max(0, Math.min(index, rows.length - 1));
    rows.forEach(function (row, k) {
      row.classList.toggle("chosen", k === chosen);
      row.setAttribute("aria-selected", k === chosen ? "true" : "false");
    });
    rows[chosen].focus({ preventScroll: true });
    rows[chosen].scrollIntoView({ block: "nearest" });
  }

  function nextToCheck() {
    var rows = beads();
    for (var k = 1; k <= rows.length; k++) {
      var index = (chosen + k) % rows.length;
      if (rows[index].classList.contains("low")) return choose(index);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("beads")) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key;
    if (key === "ArrowDown" || key === "j") { choose(chosen + 1); event.preventDefault(); return; }
    if (key === "ArrowUp" || key === "k") { choose(chosen - 1); event.preventDefault(); return; }
    if (key === "n") { nextToCheck(); event.preventDefault(); return; }
    var row = beads()[chosen];
    if (!row) return;
    var button = row.querySelector('button[data-key="' + key + '"]');
    if (button) { button.click(); event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("#beads tr.bead");
    if (row) {
      chosen = parseInt(row.dataset.index, 10);
      choose(chosen);
    }
  });

  // the beads come back as new content: htmx announces it with htmx:load
  document.addEventListener("htmx:load", function (event) {
    if (!event.target || event.target.id !== "beads") return;
    var version = document.getElementById("beads").dataset.version;
    var commit = document.getElementById("commit-version");
    if (commit && version) commit.value = version;
    choose(chosen);
  });

  function start() {
    var hash = /^#bead-(\d+)$/.exec(window.location.hash);
    if (hash) chosen = parseInt(hash[1], 10);
    else {
      var first = document.querySelector("#beads tr.bead.low");
      chosen = first ? parseInt(first.dataset.index, 10) : 0;
    }
    choose(chosen);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
