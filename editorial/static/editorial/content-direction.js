// Text direction follows the content's language, not the admin's (editorial/direction.py).
// Workaround for wagtail-localize#197 (no lang or dir in the translation editor); the upstream fix is in
// editorial/upstream/wagtail-localize-197.patch. Remove this file once a release carries it.
(() => {
  const script = document.currentScript;
  const rtlLanguages = new Set((script && script.dataset.rtlLanguages ? script.dataset.rtlLanguages : "ar").split(" "));
  const directionOf = (code) => (rtlLanguages.has(code) || rtlLanguages.has(String(code).split("-")[0]) ? "rtl" : "ltr");
  const mark = (element, code) => {
    if (element.getAttribute("lang") !== code) element.setAttribute("lang", code);
    const dir = directionOf(code);
    if (element.getAttribute("dir") !== dir) element.setAttribute("dir", dir);
  };
  const watch = (root, apply) => {
    apply();
    new MutationObserver(apply).observe(root, { childList: true, subtree: true });
  };

  // The translation editor (React, class names generated): a string segment is an <li> whose <p> child is the
  // source text, and whose <div> child holds the translation, as a <p> or, while editing, a <textarea>.
  const translationEditor = (root) => {
    let props;
    try {
      props = JSON.parse(root.dataset.props);
    } catch (error) {
      return;
    }
    const source = props.sourceLocale.code;
    const target = props.locale.code;
    watch(root, () => {
      for (const item of root.querySelectorAll("li")) {
        const sourceText = item.querySelector(":scope > p");
        if (!sourceText) continue;
        mark(sourceText, source);
        for (const value of item.querySelectorAll(":scope > div > p, :scope > div > textarea")) mark(value, target);
      }
    });
  };

  // Wagtail's page editor: the fields people write in (title, text, rich text, StreamField text) take the page's
  // language; date and time pickers (autocomplete="off"), addresses and numbers keep theirs.
  const FIELDS = 'input[type="text"]:not([autocomplete="off"]), textarea, .DraftEditor-root';
  const pageEditor = (marker) => {
    const code = marker.dataset.editorialContentLanguage;
    const form = document.querySelector("form[data-edit-form]") || document.querySelector("main form");
    if (!code || !form) return;
    form.dataset.editorialContentLanguage = code;
    watch(form, () => {
      for (const field of form.querySelectorAll(FIELDS)) mark(field, code);
    });
  };

  const start = () => {
    const editor = document.querySelector(".js-translation-editor[data-props]");
    if (editor) translationEditor(editor);
    const marker = document.querySelector("[data-editorial-content-language]");
    if (marker) pageEditor(marker);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
