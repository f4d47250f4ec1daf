// The upload form: the source language is never also a target. Choosing a
// source unticks and disables that language among the targets; the language
// it replaces comes back, ticked if it is one of the default targets.
(function () {
  "use strict";
  var form = document.querySelector("form[data-upload-form]");
  if (!form) {
    return;
  }
  var source = form.querySelector("select[name=source_language]");
  var defaults = (form.getAttribute("data-default-targets") || "").split(" ");
  function update() {
    form.querySelectorAll("input[name=targets]").forEach(function (box) {
      if (box.value === source.value) {
        box.checked = false;
        box.disabled = true;
        box.setAttribute("data-was-source", "");
      } else if (box.disabled) {
        box.disabled = false;
        if (box.hasAttribute("data-was-source") && defaults.indexOf(box.value) >= 0) {
          box.checked = true;
        }
        box.removeAttribute("data-was-source");
      }
    });
  }
  if (source) {
    source.addEventListener("change", update);
    update();
  }
})();
