from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from search.normalise import search_words


def _lines(text):
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


class SynonymGroup(TranslatableMixin, models.Model):
    """Words that find each other's pages: an abbreviation and its expansion, two translations, two spellings.

    Applied to queries, never to the index, so an edit takes effect on the next search (search.synonyms).
    """

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One term per line: a word, an abbreviation or a phrase. Searching any of them also finds pages "
            "with the others."
        ),
    )
    also_finds = models.TextField(
        _("also finds (one way)"),
        blank=True,
        help_text=_(
            "Optional, one term per line. Searching a term above also finds pages with these, but searching "
            "these does not find the terms above: for an abbreviation and its expansion, for instance."
        ),
    )

    panels = [FieldPanel("terms"), FieldPanel("also_finds")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        terms = self.term_list
        if self.expansion_list:
            return f"{', '.join(terms)} → {', '.join(self.expansion_list)}"
        return " = ".join(terms)

    @property
    def term_list(self):
        return _lines(self.terms)

    @property
    def expansion_list(self):
        return _lines(self.also_finds)

    @property
    def is_one_way(self):
        return bool(self.expansion_list)

    def clean(self):
        super().clean()
        unsearchable = [term for term in self.term_list + self.expansion_list if not search_words(term)]
        if unsearchable:
            raise ValidationError(
                _("These terms have no letters or digits to search for: %(terms)s") % {"terms": ", ".join(unsearchable)}
            )
        if not self.term_list:
            raise ValidationError({"terms": _("Give at least one term.")})
        if not self.is_one_way and len(self.term_list) < 2:
            raise ValidationError({"terms": _("Give at least two terms, or the terms this one also finds (one way).")})


class ZeroResultQuery(models.Model):
    """How often a query found no page with all its words, in one language: the editors' report's rows."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query", verbose_name=_("query"), on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"))

    class Meta:
        verbose_name = _("query without results")
        verbose_name_plural = _("queries without results")
        constraints = [models.UniqueConstraint(fields=["query", "locale"], name="unique_zero_result_query_locale")]

    def __str__(self):
        return self.query.query_string


class IndexedWord(models.Model):
    """A word the search backend has indexed, normalised: the vocabulary "did you mean" picks from."""

    word = models.CharField(max_length=60, unique=True)
    spelling = models.CharField(max_length=60)  # as first indexed, with its hamza and ة, to show to visitors
    # Candidates for a misspelled word share its first letter after any article, and about its length.
    initial = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()
    pages = models.PositiveIntegerField(default=0)  # times indexed: re-indexing a page counts it again

    class Meta:
        indexes = [models.Index(fields=["initial", "length"], name="indexed_word_initial_length")]

    def __str__(self):
        return self.word
