"""Writing demo content in Arabic while collecting its English, then publishing both as an editor would."""

from forum_site.localize import translate


class Bilingual:
    """Collects the English text of each Arabic string while demo content is written in Arabic.

    `t = Bilingual(); page.title = t("من نحن", "About us")` returns the Arabic and remembers the
    English, so `translate(page, t.english)` can fill the English translation afterwards.
    """

    def __init__(self):
        self.english = {}

    def __call__(self, arabic, english):
        self.english[arabic] = english
        return arabic

    def paragraphs(self, *pairs):
        """Rich text of one <p> per (Arabic, English) pair; wagtail-localize segments it per paragraph."""
        return "".join(f"<p>{self(arabic, english)}</p>" for arabic, english in pairs)


def publish_with_translation(parent, page, english_by_arabic):
    """Add the Arabic `page` under `parent`, publish it, then publish its English translation."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return translate(page, english_by_arabic)
