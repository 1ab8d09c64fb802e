from django.conf import settings
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static

from editorial import views
from editorial.direction import direction_of


@hooks.register("insert_global_admin_css")
def content_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', versioned_static("editorial/content-direction.css"))


@hooks.register("insert_global_admin_js")
def content_direction_js():
    rtl = " ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if direction_of(code) == "rtl")
    return format_html(
        '<script src="{}" data-rtl-languages="{}"></script>', versioned_static("editorial/content-direction.js"), rtl
    )


# Before wagtail-localize's own URLs, so that the guarded "Sync translated pages" answers at its address.
@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    return [
        path(
            "editorial/translations/<int:page_id>/submit/",
            views.submit_translation,
            name="editorial_submit_translation",
        ),
        path("localize/update/<int:translation_source_id>/", views.guarded_update_translations),
    ]
