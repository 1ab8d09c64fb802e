from wagtail.snippets.models import register_snippet

from .models import Topic

register_snippet(Topic)
