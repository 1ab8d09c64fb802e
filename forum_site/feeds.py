from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

FEED_LENGTH = 20


class SectionFeed(Feed):
    """The RSS feed of one language's section index (news, publications): its latest pages.

    The index page says what its feed holds (`feed_items`) and each item how it is summed up (`feed_summary`,
    `published_at`, and optionally `feed_author_names`), so this module imports no app's models.
    """

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return strip_tags(index.introduction) or index.title

    def items(self, index):
        return index.feed_items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        return item.feed_summary()

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        if not hasattr(item, "feed_author_names"):
            return None
        return ", ".join(item.feed_author_names()) or None


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    subtitle = SectionFeed.description
