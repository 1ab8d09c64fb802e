from django.conf import settings
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem

from editorial import views
from editorial.direction import direction_of
from editorial.panels import TranslationStatusPanel


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
        path("editorial/translation-status/", views.translation_status, name="editorial_translation_status"),
        path("editorial/guide/", views.editors_guide, name="editorial_guide_home"),
        path("editorial/guide/<slug:topic>/", views.editors_guide, name="editorial_guide"),
    ]


@hooks.register("register_admin_menu_item")
def editors_guide_menu_item():
    return MenuItem(gettext_lazy("Editors’ guide"), reverse("editorial_guide_home"), icon_name="help", order=10000)


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("editorial_translation_status"),
        icon_name="wagtail-localize-language",
        order=9001,
    )


@hooks.register("construct_homepage_panels")
def translation_status_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationStatusPanel(request.user))


@hooks.register("construct_reports_menu")
def translations_report_in_the_editors_language(request, menu_items):
    # wagtail-localize 1.14 labels its report with an eager gettext, and Wagtail builds its menus once, in the
    # language of the first request: the English admin showed «الترجمات». A lazy label follows each request.
    for item in menu_items:
        if isinstance(item, TranslationsReportMenuItem):
            item.label = gettext_lazy("Translations")
