// The phone menu's disclosure button. The stylesheet shows the button, and folds the menu, only on pages that
// enhance.js marked as scripted, so that without JavaScript there is no dead button and the menu stays open.
// On wide screens the stylesheet hides the button and always shows the menu.
(function () {
    "use strict";
    var header = document.querySelector("[data-site-header]");
    var button = header && header.querySelector(".menu-toggle");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) {
        return;
    }

    function isOpen() {
        return button.getAttribute("aria-expanded") === "true";
    }

    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () {
        setOpen(!isOpen());
        if (isOpen()) {
            var first = menu.querySelector("a");
            if (first) {
                first.focus();
            }
        }
    });

    // Escape closes the menu from anywhere in it, and gives the focus back to the button.
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && isOpen()) {
            setOpen(false);
            button.focus();
        }
    });

    // Leaving the menu with the keyboard or the pointer closes it.
    document.addEventListener("click", function (event) {
        if (isOpen() && !menu.contains(event.target) && !button.contains(event.target)) {
            setOpen(false);
        }
    });
})();
