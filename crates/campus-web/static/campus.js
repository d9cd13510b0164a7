// Progressive enhancement only: every page works without this file.
// After a failed form, move the focus to the error summary so that screen
// reader and keyboard users learn at once what to correct (RGAA 11.10).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) {
    summary.focus();
  }
});

// Suggestions of job titles in the training-path form: the field works as
// plain text without this script; with it, typing fills the field's
// datalist from the autocomplete API ("intitulé (CODE ROME)").
document.addEventListener("DOMContentLoaded", function () {
  var fields = document.querySelectorAll("input[data-suggest='appellations']");
  Array.prototype.forEach.call(fields, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!list || q.length < 2 || q.length > 64) {
        return;
      }
      timer = setTimeout(function () {
        fetch("/api/v1/autocomplete?type=appellations&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : { appellations: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.appellations.forEach(function (a) {
              var option = document.createElement("option");
              option.value = a.libelle + " (" + a.code_rome + ")";
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
});
