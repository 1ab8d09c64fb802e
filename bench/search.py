"""Search latency and index build time on bilingual corpora of 1,000, 10,000 and 100,000 pages.

    python bench/search.py                      # SQLite (a temporary file)
    DATABASE_URL=postgres://... python bench/search.py --sizes 1000 10000
    python bench/search.py --budget 900         # stop growing the corpus past 15 minutes

A throwaway database (Django's test database, migrated) is created and destroyed; the corpus grows size by
size, half Arabic pages and half their English translations, written in bulk (pages with treebeard paths
built here, then index entries through the site's search backend in batches) because creating 100,000
pages one by one through Wagtail takes hours on two cores; PostgreSQL then vacuums, as autovacuum would. Each
query of a fixed set then runs through the search page's own code, after one untimed round (as on a running
server): the whole of it (matching, filters with counts, the first page of results, and with synonyms and
recovery on: the demo synonym groups and a few that fire on the queries below are loaded, a query no page holds
all the words of falls back to any of them with "did you mean", the other language is checked for the language
switcher) and its matching alone (the window of at most MATCH_WINDOW matches, ranked, first page); p50 and p95
are printed for both, with how many queries matched more than the window.
"""

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

QUERIES = {
    "ar": ["المدن الذكيه", "عمّان", "الإستراتيجية", "للمدن", "التحول الرقمي", "بلدية", "كلمه نادره جدا"],
    "en": ["smart cities", "strategies", "municipality", "digital transformation", "unlikelyword"],
}

# (Arabic, English) vocabulary; Arabic words come in the spellings editors and PDFs actually produce.
VOCABULARY = [
    (["المدن", "للمدن", "والمدن", "بالمدن"], "cities"),
    (["الذكية", "الذكيه", "الذكيّة"], "smart"),
    (["الاستراتيجية", "الإستراتيجية", "استراتيجية"], "strategy"),
    (["عمّان", "عمان"], "amman"),
    (["التحول", "تحول"], "transformation"),
    (["الرقمي", "الرقمى", "رقمي"], "digital"),
    (["البلدية", "بلدية", "البلديات"], "municipality"),
    (["التدريب", "تدريب", "التدريبية"], "training"),
    (["البيانات", "بيانات"], "data"),
    (["الخدمات", "خدمات", "الإلكترونية"], "services"),
    (["التنقل", "المستدام"], "mobility"),
    (["المرونة", "الحضرية"], "resilience"),
    (["الطاقة", "المتجددة"], "energy"),
    (["المياه", "إدارة"], "water"),
    (["الشراكة", "مذكرة", "تفاهم"], "partnership"),
    (["البحث", "العلمي", "دراسة"], "research"),
    (["المعرفة", "المعلوماتية"], "knowledge"),
    (["الحوكمة", "الشفافية"], "governance"),
    (["السياحة", "الخضراء"], "tourism"),
    (["النقل", "العام"], "transport"),
]
# Synonym groups that fire on the queries above, besides the demo ones (which mostly do not): each search then
# runs its expanded query, as a visitor's does when an editor has written a group for it.
BENCH_SYNONYMS = [
    ("ar", ["الاستراتيجية", "الخطة"]),
    ("ar", ["بلدية", "أمانة"]),
    ("ar", ["التحول الرقمي", "الرقمنة"]),
    ("en", ["strategy", "plan"]),
    ("en", ["municipality", "municipal council"]),
    ("en", ["smart cities", "intelligent cities"]),
]
FILLER_AR = ["في", "من", "على", "إلى", "مع", "حول", "عن", "خلال", "بين", "نحو"]
FILLER_EN = ["in", "of", "for", "with", "about", "the", "and", "through", "between", "towards"]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The rest of a text is drawn from a long vocabulary with Zipf's frequencies, as in real prose: the
# queried words then match a realistic share of the corpus, not every page.
POOL_SIZE = 5000


def pseudo_vocabulary(rng):
    arabic = ["".join(rng.choice(ARABIC_LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(POOL_SIZE)]
    english = ["".join(rng.choice(LATIN_LETTERS) for _ in range(rng.randint(3, 9))) for _ in range(POOL_SIZE)]
    weights = [1 / rank for rank in range(1, POOL_SIZE + 1)]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return arabic, english, cumulative


def path_step(number):
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return digits.rjust(4, "0")


def sentence(rng, words, pool):
    pool_arabic, pool_english, cumulative = pool
    arabic, english = [], []
    for _ in range(words):
        draw = rng.random()
        if draw < 0.65:
            index = rng.choices(range(POOL_SIZE), cum_weights=cumulative)[0]
            arabic.append(pool_arabic[index])
            english.append(pool_english[index])
        elif draw < 0.85:
            index = rng.randrange(len(FILLER_AR))
            arabic.append(FILLER_AR[index])
            english.append(FILLER_EN[index])
        else:
            forms, word = rng.choice(VOCABULARY)
            arabic.append(rng.choice(forms))
            english.append(word + ("s" if rng.random() < 0.3 else ""))
    return " ".join(arabic), " ".join(english)


def create_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    english, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home_ar = root.add_child(instance=HomePage(title="المنتدى", slug="home", locale=arabic, hero_title="المنتدى"))
    home_en = home_ar.copy_for_translation(english)
    home_en.title = "The forum"
    home_en.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home_ar, "hostname": "localhost"})
    return home_ar, home_en


def load_synonyms():
    from wagtail.models import Locale

    from demo import search as demo_synonyms
    from search.models import SynonymGroup

    demo_synonyms.load()
    for language_code, terms in BENCH_SYNONYMS:
        SynonymGroup.objects.create(locale=Locale.objects.get(language_code=language_code), terms="\n".join(terms))
    return SynonymGroup.objects.count()


def add_pages(home_ar, home_en, start, count, rng, pool):
    """Bulk-insert `count` Arabic pages and their English translations, numbered from `start`."""
    from wagtail.models import Page

    from home.models import StandardPage

    content_type = ContentType.objects.get_for_model(StandardPage)
    now = datetime.now(UTC)
    rows = {"ar": [], "en": []}
    summaries = {"ar": [], "en": []}
    for number in range(start, start + count):
        key = uuid.uuid4()
        published = now - timedelta(days=rng.randrange(0, 8 * 365))
        title_ar, title_en = sentence(rng, rng.randint(3, 7), pool)
        summary_ar, summary_en = sentence(rng, rng.randint(40, 90), pool)
        for language, home, title, summary in [
            ("ar", home_ar, title_ar, summary_ar),
            ("en", home_en, title_en, summary_en),
        ]:
            slug = f"page-{number}"
            rows[language].append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=home.path + path_step(number + 1),
                    depth=home.depth + 1,
                    numchild=0,
                    url_path=f"{home.url_path}{slug}/",
                    content_type=content_type,
                    locale_id=home.locale_id,
                    translation_key=key,
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            summaries[language].append(summary)
    with transaction.atomic():
        for language in ("ar", "en"):
            pages = Page.objects.bulk_create(rows[language], batch_size=2000)
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {StandardPage._meta.db_table} (page_ptr_id, summary, body) VALUES (%s, %s, %s)",
                    [(page.pk, summary, "[]") for page, summary in zip(pages, summaries[language], strict=True)],
                )
        for home in (home_ar, home_en):
            Page.objects.filter(pk=home.pk).update(numchild=start + count)


def index_pages(after_pk, batch=1000):
    from wagtail.search.backends import get_search_backend

    from home.models import StandardPage

    backend = get_search_backend()
    pages = StandardPage.objects.filter(pk__gt=after_pk).order_by("pk")
    last = after_pk
    while True:
        chunk = list(pages.filter(pk__gt=last)[:batch])
        if not chunk:
            break
        with transaction.atomic():
            backend.add_bulk(StandardPage, chunk)
        last = chunk[-1].pk


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(rounds):
    from wagtail.models import Locale

    from search import results as site_search

    locales = {code: Locale.objects.get(language_code=code) for code in QUERIES}
    # One round untimed, as a running server has already done: its caches (content types, synonym rules, the
    # restricted sections) filled, Django's and PostgreSQL's first-time work behind it.
    for code, queries in QUERIES.items():
        for query in queries:
            site_search.search_pages(query, locales[code], site_search.Filters())
    timings = {"page": [], "matching": [], "by_query": {}, "over_window": set()}
    for _round in range(rounds):
        for code, queries in QUERIES.items():
            for query in queries:
                started = time.perf_counter()
                outcome = site_search.search_pages(query, locales[code], site_search.Filters())
                first_page = site_search.specific_pages(outcome.results[: site_search.RESULTS_PER_PAGE], code)
                timings["page"].append(time.perf_counter() - started)
                if outcome.more_than_window:
                    timings["over_window"].add(query)

                started = time.perf_counter()
                matches = site_search.matching_pages(query, locales[code])
                site_search.specific_pages(matches.ids[: site_search.RESULTS_PER_PAGE])
                timings["matching"].append(time.perf_counter() - started)
                timings["by_query"].setdefault(query, []).append(timings["page"][-1])
                assert query.startswith(("كلمه", "unlikely")) or first_page, f"no result for {query!r}"
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=5, help="times each query runs per size")
    parser.add_argument("--per-query", action="store_true", help="also print each query's median page time")
    parser.add_argument("--budget", type=float, default=1200, help="seconds after which no larger size starts")
    args = parser.parse_args()

    started = time.perf_counter()
    database = settings.DATABASES["default"]
    vendor = database["ENGINE"].rsplit(".", 1)[-1]
    if vendor == "sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        home_ar, home_en = create_site()
        synonym_groups = load_synonyms()
        rng = random.Random(5)
        pool = pseudo_vocabulary(rng)
        total = 0
        build_seconds = 0.0
        print(
            f"database: {vendor}; queries: {sum(len(q) for q in QUERIES.values())} x {args.rounds} rounds;"
            f" synonym groups: {synonym_groups}; recovery: any words, did you mean, other language"
        )
        print(
            f"{'pages':>8} {'build s':>8} {'page p50':>9} {'page p95':>9} {'match p50':>10} {'match p95':>10}"
            f" {'over window':>12}"
        )
        for size in sorted(args.sizes):
            elapsed = time.perf_counter() - started
            # Building grows about linearly: skip a size that would not finish within the budget.
            estimate = build_seconds / max(total, 1) * size if total else 0
            if elapsed + estimate > args.budget:
                print(
                    f"{size:>8} skipped: about {estimate:.0f} s to build, {args.budget - elapsed:.0f} s of budget left"
                )
                continue
            from wagtail.models import Page

            last_pk = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
            build_started = time.perf_counter()
            add_pages(home_ar, home_en, total // 2, (size - total) // 2, rng, pool)
            index_pages(last_pk)
            if vendor == "postgresql":
                # As autovacuum does on a live site: a bulk load leaves the GIN indexes' entries in their pending
                # lists, which every query then reads through (the title index's cost 3 ms a word).
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            build_seconds += time.perf_counter() - build_started
            total = size
            timings = measure(args.rounds)
            print(
                f"{size:>8} {build_seconds:>8.1f}"
                f" {percentile(timings['page'], 0.5) * 1000:>7.1f}ms {percentile(timings['page'], 0.95) * 1000:>7.1f}ms"
                f" {percentile(timings['matching'], 0.5) * 1000:>8.1f}ms"
                f" {percentile(timings['matching'], 0.95) * 1000:>8.1f}ms"
                f" {len(timings['over_window']):>5} of {len(timings['by_query'])}",
                flush=True,
            )
            if args.per_query:
                for query, samples in timings["by_query"].items():
                    print(f"{'':>8} {query}: {percentile(samples, 0.5) * 1000:.1f}ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
