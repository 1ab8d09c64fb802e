"""The publications index's faceted listing: filters from GET, facet counts for the current result, sort, pages.

Built in a fixed number of queries whatever the number of publications: three facet queries (each an
aggregate over the filtered result: type and year together, which also give the total; edition language;
topic, named in the current language from the cache of snippets' translations), and the page of publications
with its prefetches.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from forum_site.localize import snippet_translations_by_key, source_choice_q, source_ids
from home.models import Topic

from .models.publication import (
    EDITION_LANGUAGES,
    EditionDownloads,
    PublicationEdition,
    PublicationPage,
    PublicationType,
    with_card_relations,
)

PAGE_SIZE = 12
# A slug as Wagtail allows it (Unicode letters with WAGTAIL_ALLOW_UNICODE_SLUGS).
SLUG = re.compile(r"[-\w]+")
SORTS = {
    "newest": ("-publication_date", "title"),
    "title": ("title", "-publication_date"),
    "downloads": ("-downloads", "-publication_date", "title"),
}
SORT_LABELS = {"newest": _("Newest first"), "title": _("Title (A to Z)"), "downloads": _("Most downloaded")}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    options: list
    clear_url: str

    @property
    def is_active(self):
        return any(option.selected for option in self.options)


class PublicationListing:
    FILTERS = ("type", "topic", "year", "language")

    def __init__(self, index_page, request, publications):
        """`publications`: those the public may see under `index_page`."""
        self.index_page = index_page
        self.publications_shown = publications
        self.request = request
        self.params = request.GET
        self.selected = {name: self._clean(name, self.params.get(name, "")) for name in self.FILTERS}
        self.sort = self.params.get("sort") if self.params.get("sort") in SORTS else "newest"

        self.result = self._filtered()
        self.facets = self._facets()  # sets self.total: every publication has one type and one year
        paginator = Paginator(self._ordered_page_items(), PAGE_SIZE)
        paginator.count = self.total  # already counted for the heading: spare the paginator its own query
        self.page_obj = paginator.get_page(self.params.get("page"))
        self.publications = list(self.page_obj.object_list)
        self._localize_topics(self.publications)

    def _clean(self, name, value):
        value = value.strip()[:100]
        if name == "type":
            return value if value in PublicationType.values else ""
        if name == "year":
            # ASCII digits only: "²⁰²⁴" is digits to str.isdigit() and not a number to int().
            return value if re.fullmatch(r"[0-9]{4}", value) else ""
        if name == "language":
            return value if value in dict(EDITION_LANGUAGES) else ""
        # A topic is named by its slug: anything else (a NUL byte, which PostgreSQL refuses) matches no topic.
        return value if SLUG.fullmatch(value) else ""

    def _filtered(self):
        result = self.publications_shown
        if self.selected["type"]:
            result = result.filter(publication_type=self.selected["type"])
        if self.selected["topic"]:
            result = result.filter(source_choice_q(PublicationPage.objects.filter(topics__slug=self.selected["topic"])))
        if self.selected["year"]:
            result = result.filter(publication_date__year=int(self.selected["year"]))
        if self.selected["language"]:
            result = result.filter(editions__language=self.selected["language"])
        return result.distinct()

    def _ordered_page_items(self):
        result = self.result
        if self.sort == "downloads":
            # Every edition's downloads, whichever translation's page linked it: a subquery, not a query per card.
            downloads = (
                EditionDownloads.objects.filter(translation_key=OuterRef("translation_key"))
                .order_by()
                .values("translation_key")
                .annotate(total=Sum("count"))
                .values("total")
            )
            result = result.annotate(downloads=Coalesce(Subquery(downloads), 0))
        return with_card_relations(result.order_by(*SORTS[self.sort]))

    def _result_ids(self):
        return self.result.values("pk")

    def _facets(self):
        ids = self._result_ids()
        type_counts, year_counts = Counter(), Counter()
        for publication_type, year, n in (
            PublicationPage.objects.filter(pk__in=ids)
            .order_by()
            .annotate(year=ExtractYear("publication_date"))
            .values("publication_type", "year")
            .annotate(n=Count("pk"))
            .values_list("publication_type", "year", "n")
        ):
            type_counts[publication_type] += n
            year_counts[year] += n
        self.total = sum(type_counts.values())
        language_counts = dict(
            PublicationEdition.objects.filter(page__in=ids)
            .order_by()
            .values("language")
            .annotate(n=Count("page", distinct=True))
            .values_list("language", "n")
        )
        through = PublicationPage.topics.through
        # Topics are chosen on each publication's Arabic source page; each is named in this page's language, from
        # the cache of snippets' translations.
        locale_id = self.index_page.locale_id
        rows = list(
            through.objects.filter(publicationpage__in=source_ids(self.result, locale_id))
            .order_by()
            .values("topic__slug", "topic__translation_key", "topic__locale_id", "topic__name")
            .annotate(n=Count("publicationpage", distinct=True))
            .values_list("topic__slug", "topic__translation_key", "topic__locale_id", "topic__name", "n")
        )
        elsewhere = {key for _slug, key, topic_locale_id, _name, _n in rows if topic_locale_id != locale_id}
        translated = snippet_translations_by_key(Topic, elsewhere, locale_id) if elsewhere else {}
        topic_counts, topic_names = {}, {}
        for slug, key, topic_locale_id, name, n in rows:
            topic_counts[slug, key] = n
            if topic_locale_id == locale_id:
                topic_names[key] = name
            elif key in translated:
                topic_names[key] = translated[key].name
        self.topic_names = topic_names
        topic_options = sorted(
            ((slug, topic_names.get(key, slug), n) for (slug, key), n in topic_counts.items()),
            key=lambda option: option[1],
        )
        return [
            self._facet(
                "type",
                _("Type"),
                [(value, label, type_counts.get(value, 0)) for value, label in PublicationType.choices],
            ),
            self._facet("topic", _("Topic"), topic_options),
            self._facet(
                "year", _("Year"), [(str(year), str(year), n) for year, n in sorted(year_counts.items(), reverse=True)]
            ),
            self._facet(
                "language",
                _("Edition language"),
                [(code, label, language_counts.get(code, 0)) for code, label in EDITION_LANGUAGES],
            ),
        ]

    def _facet(self, name, label, options):
        selected = self.selected[name]
        return Facet(
            name=name,
            label=label,
            options=[
                FacetOption(value, option_label, count, value == selected, self.url_with(**{name: value}))
                for value, option_label, count in options
                if count or value == selected
            ],
            clear_url=self.url_with(**{name: ""}),
        )

    def _localize_topics(self, publications):
        # The cards' topics are their source pages', named from the facet's map: one query for the whole page.
        keys_of = {}
        chosen = PublicationPage.topics.through.objects.filter(
            publicationpage__in=source_ids(
                PublicationPage.objects.filter(pk__in=[page.pk for page in publications]), self.index_page.locale_id
            )
        ).values_list("publicationpage__translation_key", "topic__translation_key", "topic__name")
        for page_key, topic_key, name in chosen.order_by("topic__name"):
            keys_of.setdefault(page_key, []).append(self.topic_names.get(topic_key, name))
        for publication in publications:
            publication.localized_topic_names = keys_of.get(publication.translation_key, [])

    def url_with(self, **changes):
        params = self.params.copy()
        params.pop("page", None)
        for key, value in changes.items():
            if value:
                params[key] = value
            else:
                params.pop(key, None)
        query = params.urlencode()
        return f"?{query}" if query else "?"

    @property
    def sort_options(self):
        return [(key, label, key == self.sort, self.url_with(sort=key)) for key, label in SORT_LABELS.items()]

    @property
    def is_filtered(self):
        return any(self.selected.values())
