from django.contrib.syndication.views import Feed
from django.utils.html import strip_tags

FEED_LENGTH = 20


class IndexPageFeed(Feed):
    """The feed of one language's index page (news, publications): its latest child pages."""

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

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)
