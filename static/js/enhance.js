// Loaded before the page is drawn: marks the page as scripted, so the stylesheet can fold the phone menu behind
// its button from the first paint instead of moving the page when menu.js runs (no layout shift). Without
// JavaScript the class never comes, the button stays hidden and the menu open.
document.documentElement.classList.add("js");
