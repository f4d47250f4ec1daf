// Small page behaviours, declared with data attributes: the pages carry no
// inline script, as the Content-Security-Policy allows none.
//   <select data-submit-on-change>      submits its form when changed (so does
//   <input type="checkbox" data-submit-on-change>)
//   <input type="checkbox" data-select-all="ids">   ticks every input named ids
//   <form data-busy> / <form data-busy="disable">    shows its .busy indicator
//       when submitted (and disables its buttons, so it is not sent twice)
// An htmx request the server answers with 503 (the database busy with a long
// job; nothing was saved) shows the server's one line to the user.
(function () {
  "use strict";
  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 503 && xhr.responseText) {
      window.alert(xhr.responseText);
    }
  });
  document.addEventListener("change", function (event) {
    var element = event.target;
    if (element.matches("select[data-submit-on-change], input[type=checkbox][data-submit-on-change]") && element.form) {
      element.form.submit();
    }
    if (element.matches("input[data-select-all]")) {
      var name = element.getAttribute("data-select-all");
      document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        box.checked = element.checked;
      });
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-busy]")) {
      return;
    }
    var busy = form.querySelector(".busy");
    if (busy) {
      busy.hidden = false;
    }
    if (form.getAttribute("data-busy") === "disable") {
      window.setTimeout(function () {
        form.querySelectorAll("button").forEach(function (button) {
          button.disabled = true;
        });
      }, 0);
    }
  });
})();
