"""The index's own vocabulary: each word the search backend has indexed, normalised, for "did you mean".

The backends' indexes record the words of what they index (VocabularyIndexMixin); a query that finds nothing
gets each word the index has never seen replaced by the nearest word it has, by edit distance on normalised
words (search.normalise), with the first letter after any article in common. A page deleted since leaves its
words behind: the search view runs a suggestion before offering it, so a stale word is never suggested.
"""

import re
from collections import Counter

from django.db import connection
from django.db.models import Manager, Q
from django.utils.html import strip_tags
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from search.normalise import search_words, without_prefix

MIN_LENGTH = 3
MAX_LENGTH = 60  # IndexedWord.word's max_length
# What an index entry's text is cut into before normalising: letters with their marks, and inner apostrophes.
_SURFACE_WORD = re.compile(r"\w[\w\u064b-\u065f\u0670\u0640'’]*")
_UPSERT_BATCH = 400


def _texts(obj, fields):
    """Every text a search_fields list indexes for `obj`, related objects' fields included."""
    for field in fields:
        if isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for sub_obj in related:
                yield from _texts(sub_obj, field.fields)
        elif isinstance(field, SearchField | AutocompleteField):
            value = field.get_value(obj)
            values = value if isinstance(value, list) else [value]
            yield from (value for value in values if isinstance(value, str) and value)


def _vocabulary_word(surface, normalised_of):
    if surface not in normalised_of:
        words = search_words(surface)
        word = words[0] if len(words) == 1 else None
        if word is not None and (not MIN_LENGTH <= len(word) <= MAX_LENGTH or word.isdigit()):
            word = None
        normalised_of[surface] = word
    return normalised_of[surface]


def record_vocabulary(model, objs):
    """Add the words of `objs` (instances of `model`, just indexed) to the vocabulary, counting each once an object."""
    fields = model.get_search_fields()
    counts, spellings, normalised_of = Counter(), {}, {}
    for obj in objs:
        words = set()
        for text in _texts(obj, fields):
            for surface in set(_SURFACE_WORD.findall(strip_tags(text) if "<" in text else text)):
                surface = surface.rstrip("'’")
                word = _vocabulary_word(surface, normalised_of)
                if word:
                    words.add(word)
                    spellings.setdefault(word, surface)
        counts.update(words)
    if counts:
        _upsert([(word, spellings[word][:MAX_LENGTH], count) for word, count in counts.items()])


def _upsert(rows):
    from search.models import IndexedWord

    table = connection.ops.quote_name(IndexedWord._meta.db_table)
    # One statement per batch on both databases: PostgreSQL and SQLite (3.24+) share this upsert syntax.
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _UPSERT_BATCH):
            batch = rows[start : start + _UPSERT_BATCH]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
            params = []
            for word, spelling, count in batch:
                params += [word, spelling, _initial(word), len(word), count]
            cursor.execute(
                f"INSERT INTO {table} (word, spelling, initial, length, pages) VALUES {values} "
                f"ON CONFLICT (word) DO UPDATE SET pages = {table}.pages + excluded.pages",
                params,
            )


def forget_vocabulary():
    from search.models import IndexedWord

    IndexedWord.objects.all().delete()


def _initial(word):
    return (without_prefix(word) or word)[0]


def _max_distance(word):
    return 1 if len(word) <= 4 else 2


def edit_distance(one, other, limit):
    """Optimal string alignment distance (a swap of two neighbours counts one), or limit + 1 beyond `limit`."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    previous_row, row = None, list(range(len(other) + 1))
    for i, char in enumerate(one, 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(other)
        for j, other_char in enumerate(other, 1):
            cost = 0 if char == other_char else 1
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and char == other[j - 2] and one[i - 2] == other_char:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return row[-1]


def spelling_suggestion(query):
    """The query with each word the index has never seen replaced by the nearest one it has; None if none is.

    One database query, however many words: the query's own words and the candidates for all of them.
    """
    from search.models import IndexedWord

    typed = []  # (as typed, normalised or None)
    for surface in _SURFACE_WORD.findall(query):
        words = search_words(surface)
        typed.append((surface, words[0] if len(words) == 1 and not words[0].isdigit() else None))
    words = {word for _surface, word in typed if word and MIN_LENGTH <= len(word) <= MAX_LENGTH}
    if not words:
        return None
    condition = Q(word__in=words)
    for word in words:
        distance = _max_distance(word)
        condition |= Q(initial=_initial(word), length__range=(len(word) - distance, len(word) + distance))
    rows = list(IndexedWord.objects.filter(condition).values_list("word", "spelling", "pages"))
    known = {word for word, _spelling, _pages in rows}
    replaced = False
    corrected = []
    for surface, word in typed:
        if word in words and word not in known:
            best = None
            limit = _max_distance(word)
            for candidate, spelling, pages in rows:
                distance = edit_distance(word, candidate, limit)
                if distance <= limit and (best is None or (distance, -pages) < best[:2]):
                    best = (distance, -pages, spelling)
            if best is not None:
                corrected.append(best[2])
                replaced = True
                continue
        corrected.append(surface)
    return " ".join(corrected) if replaced else None
