// Progressive enhancement only: every page works without this file.
// After a failed form, move the focus to the error summary so that screen
// reader and keyboard users learn at once what to correct (RGAA 11.10).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) {
    summary.focus();
  }
});

// Asks the platform's JSON API for suggestions and hands a successful
// answer to `found`. Suggestions are a help only: on any failure the
// field stays a plain text field.
function ask(url, found) {
  fetch(url, { headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (answer) {
      if (answer) {
        found(answer);
      }
    })
    .catch(function () {});
}

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
        ask("/api/v1/suggestions?type=" + kind + "&q=" + encodeURIComponent(text), function (found) {
          if (field.value.trim() === text) {
            fill(found);
          }
        });
      }, 120);
    });
  });
});

// A list of diplomas typed one per line (data-suggest-list): a search
// field beside it suggests certifications by their name, from
// /api/v1/recherche, as "title (RNCP…)"; "Add" puts the choice on a line
// of its own. Nobody knows their diploma's RNCP number, and the list
// still takes a title or a code typed by hand.
document.addEventListener("DOMContentLoaded", function () {
  var lists = document.querySelectorAll("textarea[data-suggest-list]");
  Array.prototype.forEach.call(lists, function (area) {
    var kind = area.getAttribute("data-suggest-list");
    var box = document.createElement("div");
    box.className = "field suggest-list";
    var label = document.createElement("label");
    var input = document.createElement("input");
    var list = document.createElement("datalist");
    var button = document.createElement("button");
    var status = document.createElement("p");
    input.id = area.id + "-recherche";
    input.type = "text";
    input.autocomplete = "off";
    list.id = area.id + "-choix";
    input.setAttribute("list", list.id);
    label.setAttribute("for", input.id);
    label.textContent = area.getAttribute("data-label");
    button.type = "button";
    button.className = "button secondary";
    button.textContent = area.getAttribute("data-add");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(list);
    box.appendChild(button);
    box.appendChild(status);
    area.parentNode.parentNode.insertBefore(box, area.parentNode.nextSibling);
    var timer = null;
    var asked = "";
    function add() {
      var chosen = input.value.trim();
      if (!chosen) {
        return;
      }
      var lines = area.value.split("\n").filter(function (line) {
        return line.trim() !== "";
      });
      if (lines.indexOf(chosen) < 0) {
        lines.push(chosen);
      }
      area.value = lines.join("\n");
      input.value = "";
      status.textContent = chosen + " : " + area.getAttribute("data-added");
    }
    button.addEventListener("click", add);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        add();
      }
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2 || text.length > 64 || text === asked) {
        return;
      }
      timer = setTimeout(function () {
        asked = text;
        ask("/api/v1/recherche?type=" + kind + "&par_page=8&q=" + encodeURIComponent(text), function (found) {
          if (input.value.trim() !== text) {
            return;
          }
          while (list.firstChild) {
            list.removeChild(list.firstChild);
          }
          found.items.forEach(function (hit) {
            var option = document.createElement("option");
            option.value = hit.title + " (" + hit.id + ")";
            list.appendChild(option);
          });
        });
      }, 150);
    });
  });
});
