"""The browser harness: Debian's Chromium driven by Playwright, with axe-core run on every page visited.

axe-core ships inside the axe-playwright-python package, so nothing is fetched at run time.
"""

import os
import shutil

from axe_playwright_python.sync_playwright import Axe

# Debian's headless shell is Chromium's engine without the browser's interface: pages are laid out and checked
# alike, for about half the processor time of the full browser (on three browser test files: 55 s with the browser,
# 30 s with the shell). Where the shell is not installed, the full browser.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or (
    HEADLESS_SHELL if os.path.exists(HEADLESS_SHELL) else "/usr/bin/chromium"
)
# Without the background-networking flags Chromium keeps trying outside hosts, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# axe-core (4.12) skips colour contrast on Arabic text: it mistakes joined Arabic letters for an icon
# ligature. This check measures the contrast of every element holding Arabic text the way WCAG 2.x
# defines it (relative luminance of the text colour against the first opaque background behind it).
ARABIC_CONTRAST_SCRIPT = """
() => {
  const arabic = /[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]/;
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const blend = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const background = (el) => { const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return null;
      const c = parse(style.backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    return layers.reverse().reduce((acc, c) => blend(c, acc), {r: 255, g: 255, b: 255, a: 1}); };
  const failures = [];
  for (const el of document.querySelectorAll('body *')) {
    const text = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join('').trim();
    if (!text || !arabic.test(text)) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0) continue;
    if (el.closest('[aria-hidden="true"]')) continue;
    const bg = background(el); const fg0 = parse(style.color); if (!bg || !fg0) continue;
    const fg = blend(fg0, bg);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight, 10) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const expected = large ? 3 : 4.5;
    if (ratio < expected) failures.push({text: text.slice(0, 60), ratio: Math.round(ratio * 100) / 100, expected,
      html: el.outerHTML.slice(0, 120)});
  }
  return failures;
}
"""

_axe = Axe()


class AccessibilityError(AssertionError):
    pass


def check_accessibility(page):
    """Run axe-core and the Arabic contrast check on the page as it is now; raise on any violation."""
    # Violations only are reported in full: collecting and returning every passing node took half of each run.
    results = _axe.run(page, options={"resultTypes": ["violations"]})
    problems = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, e.g. {violation['nodes'][0]['html'][:150]})"
        for violation in results.response["violations"]
    ]
    problems += [
        f"arabic-color-contrast: {failure['ratio']}:1 < {failure['expected']}:1 on {failure['html']}"
        for failure in page.evaluate(ARABIC_CONTRAST_SCRIPT)
    ]
    if problems:
        raise AccessibilityError(f"{page.url}:\n" + "\n".join(problems))


def chromium_available():
    return shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)
