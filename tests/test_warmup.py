"""What gunicorn's master builds before it forks the workers (forum_site/warmup.py, gunicorn.conf.py): every
template of ours compiled, so that a worker replaced after max_requests renders its first pages at full speed.
tests/test_two_app_servers.py starts gunicorn with this configuration."""

from django.template import engines

from forum_site import warmup


def test_the_site_templates_are_ours_and_not_the_libraries():
    names = set(warmup.site_templates())

    assert {"base.html", "programs/event_page.html", "publications/publication_index_page.html"} <= names
    assert "robots.txt" in names
    # Wagtail's and Django's own templates are compiled when they are used, as before.
    assert "wagtailadmin/home.html" not in names
    assert "django/forms/widgets/input.html" not in names


def test_warming_leaves_every_site_template_compiled_in_the_cached_loader():
    (loader,) = engines["django"].engine.template_loaders
    loader.reset()
    assert not loader.get_template_cache

    warmup.warm()

    compiled = {template.origin.template_name for template in loader.get_template_cache.values()}
    assert set(warmup.site_templates()) <= compiled
