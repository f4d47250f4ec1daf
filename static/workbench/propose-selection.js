// Select words in a source sentence, click "Propose as glossary term":
// the proposal form opens in a new tab with the phrase filled in, so that
// nothing typed in the editor is lost.
(function () {
  "use strict";
  var button = document.getElementById("propose-selection");
  if (!button) { return; }
  var base = button.dataset.url;
  var language = button.dataset.language;

  function hide() { button.hidden = true; }

  document.addEventListener("mouseup", function (event) {
    if (event.target === button) { return; }
    var selection = window.getSelection();
    var text = selection ? selection.toString().replace(/\s+/g, " ").trim() : "";
    var anchor = selection && selection.anchorNode;
    var cell = anchor && (anchor.nodeType === 1 ? anchor : anchor.parentElement);
    cell = cell && cell.closest(".src");
    if (!text || !cell || text.length > 500) { hide(); return; }
    var rect = selection.getRangeAt(0).getBoundingClientRect();
    button.style.top = (window.scrollY + rect.bottom + 6) + "px";
    button.style.left = (window.scrollX + rect.left) + "px";
    button.dataset.text = text;
    button.hidden = false;
  });

  button.addEventListener("click", function () {
    var query = new URLSearchParams({ text: button.dataset.text, language: language });
    window.open(base + "?" + query.toString(), "_blank");
    button.hidden = true;
  });
})();
