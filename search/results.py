"""The site search: matching, filters with counts, snippets. The view parses input and renders; this decides."""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import BooleanField, Count, F, Func, IntegerField, Q, prefetch_related_objects
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelsearch.query import PlainText
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from forum_site.locales import locale_for
from forum_site.localize import in_locale, public_pages, source_choice_q, source_id
from forum_site.pages import specific
from home.models import Topic, TopicsMixin
from search.normalise import search_form, search_terms, search_words
from search.synonyms import matched_synonym_stems
from search.vocabulary import spelling_suggestion

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32
RESULTS_PER_PAGE = 10
# A search ranks, filters and counts at most this many matches, so a broad query's cost stops growing with the
# corpus: ranking and counting every match put the search page at 258 ms (p50) on 100,000 pages on PostgreSQL,
# against 54 ms with the window (bench/search.py). Elasticsearch's track_total_hits bounds its counts the same
# way; beyond the window the page says there are more and invites a narrower query.
MATCH_WINDOW = 1000
SNIPPET_WORDS = 30
# A query written in the other language's script shows this many of that language's best matches.
OTHER_LANGUAGE_RESULTS = 5
PROMOTED_QUERIES_KEY = "search:promoted-queries"
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[a-z]")


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    model_labels: tuple = ()


# "pages" holds every page type not claimed by another key. Labels of apps not installed are skipped, so the
# filter works before and after those apps are merged.
RESULT_TYPES = [
    ResultType("publications", _("Publications"), ("publications.PublicationPage",)),
    ResultType("events", _("Courses and workshops"), ("programs.TrainingCoursePage", "programs.WorkshopPage")),
    ResultType("mous", _("Memoranda of understanding"), ("partners.MoUPage",)),
    ResultType("news", _("News"), ("news.NewsPage",)),
    ResultType("pages", _("Pages")),
]
OTHER_PAGES = "pages"


def _installed_models(labels):
    models = []
    for label in labels:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    return models


def content_types_by_type():
    """{type key: set of content type ids} for the typed keys, resolved from the installed apps."""
    by_key = {}
    for result_type in RESULT_TYPES:
        models = _installed_models(result_type.model_labels)
        # ContentType's manager caches, so this costs queries once per process, not per search.
        by_key[result_type.key] = {ContentType.objects.get_for_model(model).pk for model in models}
    return by_key


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]


def _topic_relation(model):
    """(through model, page column, topic column) of a page type with topics (`TopicsMixin`)."""
    topics = model._meta.get_field("topics")
    return (topics.remote_field.through, topics.m2m_field_name(), topics.m2m_reverse_field_name())


def _topic_relations_by_content_type():
    """{content type id: its topic relation} of the page types with topics."""
    return {
        ContentType.objects.get_for_model(model).pk: _topic_relation(model)
        for model in _page_models()
        if issubclass(model, TopicsMixin)
    }


def _topic_relations():
    """The topic relation of every page type with topics, each once."""
    # Page types that inherit `topics` (courses and workshops from EventPage) share their parent's table:
    # counting it once per type would count its pages several times.
    return list(dict.fromkeys(_topic_relations_by_content_type().values()))


def _lookup_from_page(model, field_name):
    """`field_name` of a Page subclass as a lookup from Page, through the multi-table parent links."""
    field = model._meta.get_field(field_name)
    defining_model = field.model._meta.concrete_model
    if defining_model is Page:
        return field_name
    chain = [defining_model, *defining_model._meta.get_parent_list()]
    names = [parent._meta.model_name for parent in reversed(chain) if parent is not Page]
    return "__".join([*names, field_name])


def year_expression():
    """The year a result is dated: its type's `search_date_field`, else when it was first published.

    Each date is reached by a join along the page's parent links rather than a correlated subquery per
    page type, so the facet query stays one pass over the matches however many page types there are.
    """
    lookups = []
    for model in _page_models():
        date_field = getattr(model, "search_date_field", None)
        if date_field and (lookup := _lookup_from_page(model, date_field)) not in lookups:
            lookups.append(lookup)
    years = [ExtractYear(lookup) for lookup in lookups if lookup != "first_published_at"]
    years.append(ExtractYear("first_published_at"))
    return Coalesce(*years, output_field=IntegerField()) if len(years) > 1 else years[0]


@dataclass
class Filters:
    type: str = ""
    topic: int | None = None
    year: int | None = None

    def topic_q(self):
        """Pages whose source page chose the topic (in any of its languages)."""
        if self.topic is None:
            return Q()
        keys = Topic.objects.filter(pk=self.topic).values("translation_key")
        chose = Q(pk__in=[])
        for through, page_column, topic_column in _topic_relations():
            tagged = through.objects.filter(**{f"{topic_column}__translation_key__in": keys})
            chose |= Q(pk__in=tagged.values(f"{page_column}_id"))
        return source_choice_q(Page.objects.filter(chose))


@dataclass
class Facet:
    value: object
    label: str
    count: int


@dataclass
class OtherLanguage:
    """The other language's matches of a query written in its script, offered beside the page's own results."""

    language_code: str
    ids: list  # the best OTHER_LANGUAGE_RESULTS of them
    count: int  # how many match, up to MATCH_WINDOW
    more_than_window: bool = False


@dataclass
class SearchOutcome:
    query: str
    results: list  # the pk of each page kept by the filters, the most relevant first
    more_than_window: bool = False  # the query matched more pages than MATCH_WINDOW; counts cover the window
    types: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    years: list = field(default_factory=list)
    any_words: bool = False  # no page holds all the words: the results hold any of them
    suggestion: str = ""  # "did you mean", when no page holds all the words and a spelling would find some
    other_language: OtherLanguage | None = None  # offered when the query is written in that language's script
    found_all_words: bool = True  # some page holds every word: otherwise the editors' report counts the query
    content_types: dict = field(default_factory=dict)  # {pk: content type id} of the results


def clean_query(raw):
    """The query as the visitor typed it, minus control characters, cut to a length any backend accepts.

    Cut after NFKC normalisation, which every backend applies (search/normalise.py): one character can expand
    to many (ﷺ is 18 characters and four words), so a query cut before it could grow past any limit again.
    """
    without_controls = re.sub(r"[\x00-\x1f\x7f]", " ", unicodedata.normalize("NFKC", raw or ""))
    words = " ".join(without_controls.split())[:MAX_QUERY_LENGTH].split(" ")
    return " ".join(words[:MAX_QUERY_WORDS])


def searchable(query):
    return bool(search_terms(query))


class InIds(Func):
    """`field IN ids` as a filter, bound as one array parameter on PostgreSQL.

    Django binds psycopg's parameters on the client: with a window of a thousand ids in each facet query,
    binding them one by one took longer than running the queries.
    """

    output_field = BooleanField()

    def __init__(self, ids, field="pk"):
        super().__init__(F(field))
        self.ids = list(ids)

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        if not self.ids:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            # An array literal in one string: psycopg adapts a list of ints one by one, in Python.
            return f"{column} = ANY(%s::integer[])", [*params, "{" + ",".join(map(str, map(int, self.ids))) + "}"]
        return f"{column} IN ({', '.join(['%s'] * len(self.ids))})", [*params, *self.ids]


@dataclass
class Matches:
    ids: list  # the pk of every match in the window, the most relevant first
    more_than_window: bool


def _candidates(locale):
    # The index holds every language: the locale filter keeps an Arabic search off English pages.
    return public_pages(Page, locale)


def matching_pages(query, locale, backend=None, operator="and", window=None):
    """Live, public pages of `locale` matching `query`: at most `window` of them, ranked by relevance.

    With operator "or", pages holding any of the query's words (or any of its synonyms' terms).
    """
    backend = backend or get_search_backend()
    window = window or MATCH_WINDOW
    candidates = _candidates(locale)
    search_query = PlainText(query, operator=operator) if operator != "and" else query
    if hasattr(backend.results_class, "get_queryset"):
        # The database backends match inside SQL. Taking the window newest first lets PostgreSQL walk the pages
        # backwards and stop at the window's end instead of reading every match; each row's score (higher is
        # better on both backends) is computed on the way, so only the window is ranked.
        matches = backend.search(search_query, candidates, order_by_relevance=False).annotate_score("_score")
        scored = list(matches.get_queryset().order_by("-pk").values_list("pk", "_score")[: window + 1])
        more_than_window = len(scored) > window
        ids = [pk for pk, _score in sorted(scored[:window], key=lambda row: (-row[1], -row[0]))]
    else:
        # Elasticsearch ranks the whole corpus itself: its window holds the best matches.
        ids = [page.pk for page in backend.search(search_query, candidates)[: window + 1]]
        more_than_window = len(ids) > window
        ids = ids[:window]
    return Matches(ids=ids, more_than_window=more_than_window)


def other_language_code(language_code):
    return next(code for code, _name in settings.LANGUAGES if code != language_code)


def written_in_script_of(query, language_code):
    """Whether the query is written in that language's script: Arabic letters, or Latin ones and no Arabic."""
    words = search_words(query)
    arabic = any(_ARABIC_LETTER.search(word) for word in words)
    if language_code == "ar":
        return arabic
    return not arabic and any(_LATIN_LETTER.search(word) for word in words)


def _other_language(query, language_code, backend):
    """The other language's best matches, if the query is written in its script (and not in this one's)."""
    other_code = other_language_code(language_code)
    if not written_in_script_of(query, other_code) or written_in_script_of(query, language_code):
        return None
    other = locale_for(other_code)
    matches = matching_pages(query, other, backend) if other else None
    if not matches or not matches.ids:
        return None
    return OtherLanguage(other_code, matches.ids[:OTHER_LANGUAGE_RESULTS], len(matches.ids), matches.more_than_window)


def _recovery(query, locale, backend):
    """When no page holds all of the query's words: (matches of any of them, "did you mean" that finds some)."""
    matches = Matches(ids=[], more_than_window=False)
    if len(search_words(query)) > 1:
        matches = matching_pages(query, locale, backend, operator="or")
    suggestion = spelling_suggestion(query)
    if suggestion and not matching_pages(suggestion, locale, backend, window=1).ids:
        suggestion = None  # the vocabulary keeps the words of deleted pages: offer only what finds something
    return matches, suggestion or ""


def search_pages(query, locale, filters, backend=None):
    """Matches with the visitor's filters applied, and each filter's counts under the other filters.

    A query no page holds all the words of falls back to pages with any of them, with "did you mean"; the other
    language's matches are offered when the query is written in its script.
    """
    backend = backend or get_search_backend()
    matches = matching_pages(query, locale, backend)
    found_all_words = bool(matches.ids)
    any_words, suggestion = False, ""
    if not found_all_words:
        matches, suggestion = _recovery(query, locale, backend)
        any_words = bool(matches.ids)
    other_language = _other_language(query, locale.language_code, backend)
    recovery = {
        "found_all_words": found_all_words,
        "any_words": any_words,
        "suggestion": suggestion,
        "other_language": other_language,
    }
    if not matches.ids and filters == Filters():
        return SearchOutcome(query=query, results=[], **recovery)
    # Facets count the window's pages by their ids: the full-text match is not run again for each count.
    matched = Page.objects.filter(InIds(matches.ids))
    # One query reads the window's pages with their type and year: each filter's counts under the other filters,
    # and the results kept by all of them, follow from its rows.
    # Topics are chosen on a page's source: on /ar/ a page is its own, elsewhere each row carries its source's id.
    source = F("pk") if locale.language_code == settings.LANGUAGE_CODE else source_id()
    rows = matched.annotate(_year=year_expression(), _source=source).values_list(
        "pk", "content_type_id", "_year", "_source"
    )
    in_topic = None
    if filters.topic is not None:
        in_topic = set(matched.filter(filters.topic_q()).values_list("pk", flat=True))
    type_of = {content_type_id: key for key, ids in content_types_by_type().items() for content_type_id in ids}
    topic_relation_of = _topic_relations_by_content_type()
    type_counts, year_counts, kept, sources_by_topic_relation = Counter(), Counter(), {}, {}
    for pk, content_type_id, result_year, source_pk in rows:
        key = type_of.get(content_type_id, OTHER_PAGES)
        in_year = filters.year is None or result_year == filters.year
        in_type = not filters.type or key == filters.type
        # A translation is of its source's type: the source's topics are in that type's table.
        if in_type and in_year and (relation := topic_relation_of.get(content_type_id)):
            sources_by_topic_relation.setdefault(relation, []).append(source_pk)
        if in_topic is not None and pk not in in_topic:
            continue
        if in_year:
            type_counts[key] += 1
        if in_type and result_year is not None:
            year_counts[result_year] += 1
        if in_type and in_year:
            kept[pk] = content_type_id

    type_facets = [
        Facet(result_type.key, result_type.label, type_counts[result_type.key])
        for result_type in RESULT_TYPES
        if type_counts[result_type.key] or filters.type == result_type.key
    ]
    if filters.year is not None:
        year_counts.setdefault(filters.year, 0)
    year_facets = [Facet(value, str(value), year_counts[value]) for value in sorted(year_counts, reverse=True)]

    return SearchOutcome(
        query=query,
        results=[pk for pk in matches.ids if pk in kept],
        content_types=kept,
        more_than_window=matches.more_than_window,
        types=type_facets,
        topics=_topic_facets(sources_by_topic_relation, filters, locale),
        years=year_facets,
        **recovery,
    )


def _topic_facets(sources_by_topic_relation, filters, locale):
    """Topic facets of pages, given their sources' ids by topic relation: each counts the pages whose source chose it.

    The topics tables of the types among the pages are counted in one UNION ALL query; none when no page has a
    type with topics.
    """
    per_table = [
        through.objects.filter(InIds(source_ids, field=f"{page_column}_id"))
        .values_list(f"{topic_column}_id")
        .annotate(n=Count("pk"))
        .order_by()
        for (through, page_column, topic_column), source_ids in sources_by_topic_relation.items()
    ]
    counts = Counter()
    for topic_id, n in per_table[0].union(*per_table[1:], all=True) if per_table else []:
        counts[topic_id] += n
    if not counts and filters.topic is None:
        return []
    # Each facet is the topic in `locale`, counting the source's topics of its translation key (an English-only
    # page may hold English topics); the chosen topic stays listed, if only with 0.
    topics = list(Topic.objects.filter(pk__in=[*counts, *([filters.topic] if filters.topic is not None else [])]))
    facets = {}
    for stored, shown in zip(topics, in_locale(topics, locale), strict=True):
        facet = facets.setdefault(shown.translation_key, Facet(shown.pk, shown.name, 0))
        facet.count += counts[stored.pk]
    return sorted(facets.values(), key=lambda facet: str(facet.label))


def specific_pages(ids, language_code=None, content_types=None):
    """The specific pages of `ids`, in that order, read in one query (`forum_site.pages.specific`), and one more
    for their types unless `content_types` ({pk: content type id}, as `SearchOutcome` holds them) gives them.

    With `language_code`, what each page type's results show besides their own fields (search_result_prefetches:
    authors, parties, the PDF in that language) is read too, in a query or two per page type.
    """
    if content_types is not None:
        content_types = {pk: content_types[pk] for pk in ids if pk in content_types}
    pages = {page.pk: page for page in specific(Page.objects.filter(pk__in=ids), content_types)}
    if language_code is not None:
        by_model = {}
        for page in pages.values():
            by_model.setdefault(type(page), []).append(page)
        for model, of_model in by_model.items():
            if hasattr(model, "search_result_prefetches"):
                prefetch_related_objects(of_model, *model.search_result_prefetches(language_code))
    return [pages[pk] for pk in ids if pk in pages]


def result_date(page):
    date_field = getattr(page, "search_date_field", None)
    value = getattr(page, date_field, None) if date_field else None
    return value or page.first_published_at


_WORD_OR_NOT = re.compile(r"(\w[\w\u064b-\u065f\u0670\u0640]*)")


def _page_texts(page):
    texts = []
    for name in getattr(page, "search_snippet_fields", ["search_description"]):
        value = getattr(page, name, None)
        if not value:
            continue
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            text = " ".join(str(part) for part in model_field.get_searchable_content(value))
        else:
            text = str(value)
        text = " ".join(strip_tags(text).split())
        if text:
            texts.append(text)
    if hasattr(page, "search_result_texts"):
        texts += [" ".join(text.split()) for text in page.search_result_texts() if text and text.strip()]
    return texts


@lru_cache(maxsize=50_000)
def _word_terms(word):
    # Prose repeats its words: each is normalised and stemmed once however often it is highlighted.
    return frozenset(search_terms(word))


def _densest_match(matched, span):
    """The matched piece that starts the run of `span` pieces holding the most matches (the earliest of equals)."""
    best, best_count, end = matched[0], 0, 0
    for position, start in enumerate(matched):
        end = max(end, position)
        while end + 1 < len(matched) and matched[end + 1] < start + span:
            end += 1
        if end - position + 1 > best_count:
            best, best_count = start, end - position + 1
    return best


def highlight(text, stems, max_words=SNIPPET_WORDS, require_match=False):
    """HTML of a window of `text` around its first matched word, each matched word in <mark>.

    With `require_match`, None when no word of the text matches.
    """
    # split() with a capturing group alternates separators (even indexes) and words (odd indexes).
    pieces = _WORD_OR_NOT.split(text)
    matched = {i for i in range(1, len(pieces), 2) if not stems.isdisjoint(_word_terms(pieces[i]))}
    if require_match and not matched:
        return None
    before = 2 * (max_words // 3)  # a third of the window before its first match
    first = _densest_match(sorted(matched), 2 * max_words - before) if matched else 1
    start = max(0, first - before)
    end = min(len(pieces), start + 2 * max_words)
    html = ["…" if start > 0 else ""]
    html += [f"<mark>{escape(pieces[i])}</mark>" if i in matched else escape(pieces[i]) for i in range(start, end)]
    if end < len(pieces):
        html.append("…")
    return mark_safe("".join(html).strip())  # every piece was escaped above


def highlighted_stems(query):
    """The stems a result's words are highlighted for: the query's, and those of the synonyms it brought in."""
    return set(search_terms(query)) | matched_synonym_stems(query)


def snippet(page, stems):
    """A highlighted window of the first of the page's texts, in its own language, that holds a matched word."""
    texts = _page_texts(page)
    for text in texts:
        html = highlight(text, stems, require_match=True)
        if html is not None:
            return html
    return highlight(texts[0], stems) if texts else ""


def highlighted_title(page, stems):
    return highlight(page.title, stems, max_words=1000)


def highlighted_details(page, stems):
    """[(label, [HTML of each name])]: a result's authors, parties... with the matched words in <mark>."""
    if not hasattr(page, "search_result_details"):
        return []
    return [
        (label, [highlight(name, stems, max_words=1000) for name in names])
        for label, names in page.search_result_details()
        if names
    ]


def record_query(query):
    """Counts the query for the admin's search terms report (queries with no result included).

    The day's hits are counted in one upsert: Wagtail's Query.add_hit reads the row, then writes it.
    """
    recorded = Query.get(query)
    table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    query_id, date, hits = (connection.ops.quote_name(name) for name in ("query_id", "date", "hits"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({query_id}, {date}, {hits}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({query_id}, {date}) DO UPDATE SET {hits} = {table}.{hits} + 1",
            [recorded.pk, timezone.now().date()],
        )
    return recorded


def record_zero_result(recorded_query, locale):
    """Counts a search that found no page with all its words, for the editors' report of such queries."""
    from search.models import ZeroResultQuery

    now = timezone.now()
    updated = ZeroResultQuery.objects.filter(query=recorded_query, locale=locale).update(
        searches=F("searches") + 1, last_searched_at=now
    )
    if not updated:
        ZeroResultQuery.objects.get_or_create(
            query=recorded_query, locale=locale, defaults={"searches": 1, "last_searched_at": now}
        )


def _promoted_queries():
    """[(id, search form)] of the queries that have editors' picks, cached until a pick is saved or deleted."""
    promoted = cache.get(PROMOTED_QUERIES_KEY)
    if promoted is None:
        promoted = [
            (recorded.pk, search_form(recorded.query_string))
            for recorded in Query.objects.filter(editors_picks__isnull=False).distinct()
        ]
        cache.set(PROMOTED_QUERIES_KEY, promoted, 24 * 3600)
    return promoted


def promotions_changed(**kwargs):
    """After a pick is saved or deleted: now, and again on commit in case another process cached the old list."""
    cache.delete(PROMOTED_QUERIES_KEY)
    transaction.on_commit(lambda: cache.delete(PROMOTED_QUERIES_KEY))


def editors_picks(query, locale):
    """Promotions whose query is spelled as this one, up to Arabic variants, on live pages of `locale`."""
    wanted = search_form(query)
    promoted = [pk for pk, form in _promoted_queries() if form == wanted]
    if not promoted:
        return []
    picks = SearchPromotion.objects.filter(query_id__in=promoted).select_related("page").order_by("sort_order")
    return [pick for pick in picks if pick.page is None or (pick.page.live and pick.page.locale_id == locale.pk)]
