"""Snippets chosen on a page, shown in the page's language.

wagtail-localize 1.14 skips many-to-many fields (fields.get_translatable_fields, "not supported yet"): a page
keeps pointing at the source-language topics, partners and trainers. We show each one's translation,
found by translation_key in one query, falling back to the source when it has none.
"""


def localized_snippets(snippets, locale):
    snippets = list(snippets)
    if not snippets:
        return []
    model = type(snippets[0])
    keys = [snippet.translation_key for snippet in snippets]
    translated = {item.translation_key: item for item in model.objects.filter(translation_key__in=keys, locale=locale)}
    return [translated.get(snippet.translation_key, snippet) for snippet in snippets]
