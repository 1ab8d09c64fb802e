"""Editors' synonym groups, applied to queries: on the database backends here, on Elasticsearch by its analyzer.

A group's terms are matched in a query by their normalised stems, so a synonym written «الاستعراض المحلي
الطوعي» also fires on «والاستعراض المحلي الطوعي». Expansion is one pass, not transitive: a term found in a
query adds the other terms of its group, not the groups of those terms (as Elasticsearch's synonym_graph).
Multi-word terms are matched as a run of words in the query, and added as all of their words (not as a phrase).
"""

import logging

from django.core.cache import cache
from django.db import transaction

from search.normalise import query_alternatives, search_terms

logger = logging.getLogger(__name__)

# Versioned: a server of a newer release must not read what an older one cached in another shape.
CACHE_KEY = "search:synonym-groups:2"
CACHE_SECONDS = 24 * 3600  # an edit deletes the key: this only bounds a forgotten one


def _term_stems(term):
    return tuple(stems[0] for stems in query_alternatives(term))


def synonym_groups():
    """[(typed terms, terms found)] of every group in every language, from the cache or the database.

    Every language's groups apply to every search: Elasticsearch holds one rule set for its one index, and a
    Latin abbreviation in an Arabic group is typed on both sites.
    """
    return _cached()["groups"]


def _cached():
    """The groups and the rules made of them, cached together: stemming every term took longer than a match."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        from search.models import SynonymGroup

        groups = []
        for group in SynonymGroup.objects.order_by("pk"):
            typed = group.term_list
            found = [*typed, *group.expansion_list]
            if len({_term_stems(term) for term in found}) > 1:
                groups.append((typed, found))
        cached = {"groups": groups, "rules": _rules(groups)}
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def _rules(groups):
    """{first stem: [(stems of a typed term, terms it finds)]}, longest terms first."""
    rules = {}
    for typed, found in groups:
        for term in typed:
            stems = _term_stems(term)
            if stems:
                rules.setdefault(stems[0], []).append((stems, found))
    for candidates in rules.values():
        candidates.sort(key=lambda rule: -len(rule[0]))
    return rules


def synonym_spans(alternatives):
    """[(start, end, terms found)] for each run of query words that is a synonym's term, left to right.

    `alternatives` holds, for each query word, the stems it may have (search.normalise.query_alternatives).
    """
    rules = _cached()["rules"]
    if not rules:
        return []
    spans = []
    position = 0
    while position < len(alternatives):
        match = None
        for first in alternatives[position]:
            for stems, found in rules.get(first, []):
                end = position + len(stems)
                if end <= len(alternatives) and all(
                    stem in alternatives[position + offset] for offset, stem in enumerate(stems)
                ):
                    if match is None or end > match[1]:
                        match = (position, end, found)
                    break
        if match:
            spans.append(match)
            position = match[1]
        else:
            position += 1
    return spans


def matched_synonym_stems(query):
    """The stems of the terms the query's synonyms bring in: what a result is highlighted for besides the query."""
    stems = set()
    for _start, _end, found in synonym_spans(query_alternatives(query)):
        for term in found:
            stems.update(search_terms(term))
    return stems


def elasticsearch_rules():
    """The groups as Solr-format rules for a synonym_graph filter, in search form (what the index holds)."""
    rules = []
    for typed, found in synonym_groups():
        typed_forms = [form for form in dict.fromkeys(" ".join(_term_stems(term)) for term in typed) if form]
        found_forms = [form for form in dict.fromkeys(" ".join(_term_stems(term)) for term in found) if form]
        if typed_forms == found_forms:
            rules.append(", ".join(found_forms))
        else:
            rules.append(f"{', '.join(typed_forms)} => {', '.join(found_forms)}")
    return rules


def synonyms_changed(**kwargs):
    """After a group is saved or deleted: the next search reads the groups anew, Elasticsearch included."""
    # Now, for the rest of this transaction; again on commit, in case another process cached the old groups
    # meanwhile.
    cache.delete(CACHE_KEY)

    def apply():
        cache.delete(CACHE_KEY)
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        if hasattr(backend, "apply_synonyms"):
            try:
                backend.apply_synonyms()
            except Exception:  # a cluster that is down must not fail an editor's save
                logger.exception("Could not update the Elasticsearch synonyms; run update_index to apply them")

    transaction.on_commit(apply)
