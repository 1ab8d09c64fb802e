import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from .models import PublicationPage

FEED_LENGTH = 20


class PublicationFeed(Feed):
    """New publications of one language: the feed belongs to that language's publications index."""

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
        return (
            PublicationPage.objects.live()
            .child_of(index)
            .order_by("-publication_date", "-pk")
            .prefetch_related("publication_authors__author")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return strip_tags(item.abstract)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time(9)))

    def item_author_name(self, item):
        return ", ".join(row.author.name for row in item.publication_authors.all()) or None


class PublicationAtomFeed(PublicationFeed):
    feed_type = Atom1Feed
    subtitle = PublicationFeed.description
