// Progressive enhancement only: every page works without this file.
// A form that failed validation moves focus to its error summary, so screen readers announce it at once.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary') || document.getElementById('conflict');
  if (summary) { summary.focus(); }
  // Buttons marked data-confirm ask before an action that cannot be undone.
  document.querySelectorAll('[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
});
