// Progressive enhancement only: every page works without this file.
// After a failed form, move the focus to the error summary so that screen
// reader and keyboard users learn at once what to correct (RGAA 11.10).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) {
    summary.focus();
  }
});
