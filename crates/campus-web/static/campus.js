// Progressive enhancement only: every page works without this file.
// After a failed form, move the focus to the error summary so that screen
// reader and keyboard users learn at once what to correct (RGAA 11.10).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) {
    summary.focus();
  }
});

// Suggestions while typing in the fields marked data-suggest (job titles
// or communes), from /api/v1/suggestions, offered through a native
// <datalist>: the browser shows and announces them, and the field stays a
// plain text field for those who ignore them. A field that names its own
// datalist (the training-path form) gets job titles with their ROME code,
// "intitulé (H3301)", which the form reads back.
document.addEventListener("DOMContentLoaded", function () {
  var fields = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(fields, function (field) {
    var kind = field.getAttribute("data-suggest");
    var withCode = field.hasAttribute("list");
    var list = withCode ? document.getElementById(field.getAttribute("list")) : null;
    if (!list) {
      list = document.createElement("datalist");
      list.id = field.id + "-suggestions";
      field.parentNode.appendChild(list);
      field.setAttribute("list", list.id);
    }
    var timer = null;
    var asked = "";
    function fill(found) {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      (kind === "communes" ? found.communes : found.appellations).forEach(function (s) {
        var option = document.createElement("option");
        if (kind === "communes") {
          option.value = s.nom;
          option.label = s.departement ? s.nom + " (" + s.departement + ")" : s.nom;
        } else {
          option.value = withCode ? s.libelle + " (" + s.code_rome + ")" : s.libelle;
        }
        list.appendChild(option);
      });
    }
    field.addEventListener("input", function () {
      clearTimeout(timer);
      var text = field.value.trim();
      if (text.length < 2 || text.length > 64 || text === asked) {
        return;
      }
      timer = setTimeout(function () {
        asked = text;
        fetch("/api/v1/suggestions?type=" + kind + "&q=" + encodeURIComponent(text), {
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .then(function (found) {
            if (found && field.value.trim() === text) {
              fill(found);
            }
          })
          .catch(function () {
            // Suggestions are a help only: the field works without them.
          });
      }, 120);
    });
  });
});
