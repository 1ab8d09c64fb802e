// The "Copy" buttons of a publication's "Cite" box: each copies its reference as plain text.
// Buttons stay hidden without JavaScript or a clipboard (the reference can still be selected by hand).
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  var status = document.getElementById("cite-status");
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var reference = document.getElementById(button.dataset.copy);
    if (!reference) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(reference.textContent.trim()).then(function () {
        button.textContent = button.dataset.copied;
        if (status) {
          status.textContent = button.dataset.copied;
        }
        window.setTimeout(function () {
          button.textContent = label;
        }, 2000);
      });
    });
  });
})();
