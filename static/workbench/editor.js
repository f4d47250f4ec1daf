// The editor's keyboard and panel: one active sentence at a time.
(function () {
  "use strict";
  var editor = document.querySelector(".editor");
  if (!editor) { return; }
  // Never show the editor from a cache: htmx keeps no page snapshots here, so
  // going back or forward asks the server again (a full reload), and a page
  // the browser kept in its back-forward cache is reloaded when shown.
  if (window.htmx) {
    htmx.config.historyCacheSize = 0;
    htmx.config.refreshOnHistoryMiss = true;
  }
  document.body.addEventListener("htmx:historyRestore", function () { window.location.reload(); });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });
  var panel = document.getElementById("panel");
  var moveAfterSave = false;
  var lastActiveId = null;

  function rows() { return Array.prototype.slice.call(editor.querySelectorAll("tr.seg")); }
  function rowOf(element) { return element && element.closest ? element.closest("tr.seg") : null; }
  function textarea(row) { return row.querySelector("textarea[name=text]"); }

  // Translation boxes grow with their text: never a cut-off translation.
  // (CSS field-sizing does it where supported; this covers the rest and any
  // value set from script.)
  function fit(box) {
    if (!box || box.offsetParent === null) { return; }
    box.style.height = "auto";
    var border = box.offsetHeight - box.clientHeight;
    box.style.height = (box.scrollHeight + border) + "px";
  }
  function fitAll(root) {
    Array.prototype.forEach.call((root || editor).querySelectorAll("textarea[name=text]"), fit);
  }
  editor.addEventListener("input", function (event) {
    if (event.target.matches("textarea[name=text]")) { fit(event.target); }
  });
  window.addEventListener("resize", function () { fitAll(); });
  fitAll();

  function activate(row, focus) {
    if (!row) { return; }
    rows().forEach(function (r) { r.classList.toggle("active", r === row); });
    if (focus) {
      var box = textarea(row);
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
      row.scrollIntoView({ block: "center" });
    }
    if (lastActiveId !== row.dataset.id) {
      lastActiveId = row.dataset.id;
      htmx.ajax("GET", row.dataset.panel, { target: "#panel", swap: "innerHTML" });
    }
  }

  function neighbour(row, step) {
    var all = rows();
    return all[all.indexOf(row) + step] || null;
  }

  function nextNeedingWork(row) {
    var all = rows();
    for (var i = all.indexOf(row) + 1; i < all.length; i++) {
      var status = all[i].dataset.status;
      if (status === "untranslated" || status === "draft" || status === "rejected") {
        return all[i];
      }
    }
    return neighbour(row, 1);
  }

  function submit(row, status, move) {
    var form = row.querySelector("form.save");
    form.querySelector("input[name=status]").value = status;
    moveAfterSave = move;
    htmx.trigger(form, "submit");
  }

  function insertAtCursor(box, text) {
    var start = box.selectionStart, end = box.selectionEnd;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    box.setSelectionRange(start + text.length, start + text.length);
    fit(box);
    box.focus();
  }

  // Inline codes: the textarea shows them as tokens (⟨1⟩, ⟨/1⟩, ⟨1/⟩), which
  // behave as one character: Backspace and Delete take a whole token, the
  // arrows step over it, and the caret never rests inside one.
  var TOKEN = /⟨\/?\d{1,4}\/?⟩/g;

  function tokensIn(text) { return text.match(TOKEN) || []; }

  function tokenAround(text, offset) {
    // The token holding ``offset`` strictly inside it, as [start, end], or null.
    TOKEN.lastIndex = 0;
    var found;
    while ((found = TOKEN.exec(text)) !== null) {
      var start = found.index, end = start + found[0].length;
      if (start < offset && offset < end) { return [start, end]; }
      if (start >= offset) { break; }
    }
    return null;
  }

  function snapCaret(box, forward) {
    var start = box.selectionStart, end = box.selectionEnd;
    var a = tokenAround(box.value, start), b = tokenAround(box.value, end);
    if (!a && !b) { return; }
    if (start === end) {
      var spot = forward ? a[1] : a[0];
      box.setSelectionRange(spot, spot);
    } else {
      box.setSelectionRange(a ? a[0] : start, b ? b[1] : end);
    }
  }

  function tokenKey(event) {
    var box = event.target;
    var start = box.selectionStart, end = box.selectionEnd, text = box.value;
    var before = text.slice(0, start), after = text.slice(end);
    var last = /⟨\/?\d{1,4}\/?⟩$/.exec(before), next = /^⟨\/?\d{1,4}\/?⟩/.exec(after);
    if (start !== end) {
      if (event.key === "Backspace" || event.key === "Delete") { snapCaret(box, true); }
      return;
    }
    if (event.key === "Backspace" && last) {
      event.preventDefault();
      box.setRangeText("", start - last[0].length, start, "end");
    } else if (event.key === "Delete" && next) {
      event.preventDefault();
      box.setRangeText("", start, start + next[0].length, "end");
    } else if (event.key === "ArrowLeft" && last && !event.shiftKey) {
      event.preventDefault();
      box.setSelectionRange(start - last[0].length, start - last[0].length);
    } else if (event.key === "ArrowRight" && next && !event.shiftKey) {
      event.preventDefault();
      box.setSelectionRange(start + next[0].length, start + next[0].length);
    }
  }

  function placeNextCode(row) {
    // Insert the first code of the source the translation still lacks; an
    // opening with text selected puts the pair around the selection.
    var box = textarea(row);
    var wanted = Array.prototype.map.call(
      row.querySelectorAll(".src .code-chip"), function (chip) { return chip.textContent; });
    var have = tokensIn(box.value);
    var missing = wanted.filter(function (t) {
      var i = have.indexOf(t);
      if (i < 0) { return true; }
      have.splice(i, 1);
      return false;
    });
    if (!missing.length) { return; }
    snapCaret(box, true);
    var first = missing[0], start = box.selectionStart, end = box.selectionEnd;
    var closing = first.replace("⟨", "⟨/");
    if (/^⟨\d+⟩$/.test(first) && start !== end && missing.indexOf(closing) >= 0) {
      var inner = box.value.slice(start, end);
      box.setRangeText(first + inner + closing, start, end, "end");
    } else {
      box.setRangeText(first, start, end, "end");
    }
    fit(box);
    box.focus();
  }

  editor.addEventListener("keydown", function (event) {
    if (event.target.matches("textarea[name=text]") && !event.ctrlKey && !event.metaKey &&
        !event.altKey) {
      tokenKey(event);
    }
  });
  ["mouseup", "select"].forEach(function (name) {
    editor.addEventListener(name, function (event) {
      if (event.target.matches("textarea[name=text]")) { snapCaret(event.target, true); }
    });
  });

  editor.addEventListener("focusin", function (event) {
    if (event.target.matches("textarea[name=text]")) { activate(rowOf(event.target), false); }
  });
  editor.addEventListener("click", function (event) {
    var row = rowOf(event.target);
    if (event.target.matches("button[data-status]")) {
      event.preventDefault();
      submit(row, event.target.dataset.status, false);
      return;
    }
    if (event.target.matches(".place-code")) {
      placeNextCode(row);
      activate(row, false);
      return;
    }
    if (event.target.matches(".copy-source")) {
      textarea(row).value = row.querySelector(".src").textContent.trim();
      fit(textarea(row));
      activate(row, true);
      return;
    }
    if (event.target.matches(".take-theirs")) {
      textarea(row).value = event.target.dataset.text;
      fit(textarea(row));
      activate(row, true);
      return;
    }
    var mark = event.target.closest("mark.term");
    if (mark && mark.dataset.insert) {
      insertAtCursor(textarea(row), mark.dataset.insert);
      return;
    }
    if (row && !window.getSelection().toString()) { activate(row, !event.target.matches("textarea, input, button")); }
  });
  function useMatch(row, button) {
    var box = textarea(row);
    box.value = button.dataset.text;
    row.querySelector("form.save input[name=match]").value = button.dataset.match;
    fit(box);
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }

  // The panel's section links open their section and bring it into view;
  // "Comments" puts the cursor in the comment box.
  panel.addEventListener("click", function (event) {
    var link = event.target.closest(".panel-nav a[data-section]");
    if (!link) { return; }
    var section = panel.querySelector(".panel-section." + link.dataset.section);
    if (!section) { return; }
    event.preventDefault();
    section.open = true;
    section.scrollIntoView({ block: "nearest" });
    var field = section.querySelector("textarea");
    if (field) { field.focus({ preventScroll: true }); }
  });

  panel.addEventListener("click", function (event) {
    var row = document.getElementById("row-" + panel.querySelector(".panel-inner").dataset.translation);
    if (!row) { return; }
    if (event.target.matches(".insert-term")) {
      insertAtCursor(textarea(row), event.target.dataset.insert);
    } else if (event.target.matches(".use-match")) {
      useMatch(row, event.target);
    }
  });

  document.addEventListener("keydown", function (event) {
    var row = rowOf(document.activeElement);
    if (!row) { return; }
    var key = event.key;
    if ((event.ctrlKey || event.metaKey) && key === "Enter") {
      event.preventDefault();
      submit(row, "translated", true);
    } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && (key === "K" || key === "k")) {
      event.preventDefault();
      placeNextCode(row);
    } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && (key === "S" || key === "s")) {
      event.preventDefault();
      textarea(row).value = row.querySelector(".src").textContent.trim();
      fit(textarea(row));
    } else if ((event.ctrlKey || event.metaKey) && (key === "s" || key === "S")) {
      event.preventDefault();
      submit(row, "draft", false);
    } else if (event.altKey && key === "ArrowDown") {
      event.preventDefault();
      activate(neighbour(row, 1), true);
    } else if (event.altKey && key === "ArrowUp") {
      event.preventDefault();
      activate(neighbour(row, -1), true);
    } else if ((event.ctrlKey || event.metaKey) && event.altKey && /^Digit[1-9]$/.test(event.code) &&
               !event.getModifierState("AltGraph")) {
      // (AltGr is Ctrl+Alt on Windows: AltGr+2 still types what it types.)
      // Ctrl+Alt+N takes memory match N of this sentence's panel.
      var own = panel.querySelector(".panel-inner[data-translation='" + row.dataset.id + "']");
      var match = own ? own.querySelectorAll(".use-match")[Number(event.code.slice(5)) - 1] : null;
      if (match) {
        event.preventDefault();
        useMatch(row, match);
      }
    } else if (event.altKey && /^[1-9]$/.test(key)) {
      // Only the panel of this sentence: another one may still be on screen.
      var inner = panel.querySelector(".panel-inner[data-translation='" + row.dataset.id + "']");
      var buttons = inner ? inner.querySelectorAll(".insert-term") : [];
      var button = buttons[Number(key) - 1];
      if (button) {
        event.preventDefault();
        insertAtCursor(textarea(row), button.dataset.insert);
      }
    }
  });

  // A warning marked checked (or open again) in the panel: the sentence's
  // badge shows the open warnings the panel now counts. A panel rendered
  // from an older version of the sentence than the row shows (it was asked
  // for before a save and answered after it) leaves the badge alone.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var inner = event.detail.target.querySelector && event.detail.target.querySelector(".panel-inner[data-open-warnings]");
    if (!inner) { return; }
    var row = document.getElementById("row-" + inner.dataset.translation);
    var badge = row && row.querySelector(".warn-count");
    if (!badge) { return; }
    var shown = row.querySelector("input[name=version]");
    if (shown && Number(inner.dataset.version) < Number(shown.value)) { return; }
    var open = Number(inner.dataset.openWarnings || 0);
    badge.dataset.warnings = String(open);
    badge.querySelector(".n").textContent = String(open);
    badge.hidden = open === 0;
  });

  document.body.addEventListener("htmx:afterSwap", function (event) {
    var row = event.detail.target;
    if (!row.matches || !row.matches("tr.seg")) { return; }
    var fresh = document.getElementById(row.id) || row;
    fit(textarea(fresh));
    lastActiveId = null;
    if (fresh.classList.contains("conflict")) {
      activate(fresh, true);
    } else if (moveAfterSave) {
      activate(nextNeedingWork(fresh) || fresh, true);
    } else {
      activate(fresh, true);
    }
    moveAfterSave = false;
  });
})();
