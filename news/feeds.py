from django.utils.feedgenerator import Atom1Feed

from forum_site.feeds import FEED_LENGTH, IndexPageFeed

from .models import NewsPage


class NewsFeed(IndexPageFeed):
    """The latest news of one language."""

    def items(self, index):
        return NewsPage.objects.live().child_of(index).order_by("-date", "-pk")[:FEED_LENGTH]

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
