import datetime

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from forum_site.feeds import FEED_LENGTH, IndexPageFeed

from .models import PublicationPage


class PublicationFeed(IndexPageFeed):
    """New publications of one language."""

    def items(self, index):
        return (
            PublicationPage.objects.live()
            .child_of(index)
            .order_by("-publication_date", "-pk")
            .prefetch_related("publication_authors__author")[:FEED_LENGTH]
        )

    def item_description(self, item):
        return strip_tags(item.abstract)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time(9)))

    def item_author_name(self, item):
        return ", ".join(row.author.name for row in item.publication_authors.all()) or None


class PublicationAtomFeed(PublicationFeed):
    feed_type = Atom1Feed
    subtitle = PublicationFeed.description
