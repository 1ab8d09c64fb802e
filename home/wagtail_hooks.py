from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import Topic

register_snippet(Topic)


@hooks.register("load_demo_content", order=0)
def load_home_demo_content():
    from . import demo_content

    return demo_content.load()
