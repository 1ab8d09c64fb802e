"""Go-live and expiry times are honoured by `publish_scheduled` (README: run it every minute), and visitors
see the change at once, cache or not."""

import io
import time
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from home.models import StandardPage

WAIT = 1.5


def publish_scheduled():
    call_command("publish_scheduled", stdout=io.StringIO())


def test_page_scheduled_to_go_live_appears_when_its_time_comes(client, site_tree):
    page = site_tree.home_ar.add_child(instance=StandardPage(title="إعلان الدورة القادمة", slug="إعلان", live=False))
    page.go_live_at = timezone.now() + timedelta(seconds=WAIT)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    url = "/ar/" + "إعلان/"
    assert client.get(url).status_code == 404

    publish_scheduled()  # too early: nothing happens
    assert client.get(url).status_code == 404

    time.sleep(WAIT + 0.2)
    publish_scheduled()
    page.refresh_from_db()
    assert page.live
    assert "إعلان الدورة القادمة" in client.get(url).content.decode()


def test_page_expires_when_its_time_comes(client, site_tree):
    page = site_tree.home_ar.add_child(instance=StandardPage(title="عرض محدود", slug="عرض"))
    page.expire_at = timezone.now() + timedelta(seconds=WAIT)
    page.save_revision().publish()
    url = "/ar/" + "عرض/"
    assert "عرض محدود" in client.get(url).content.decode()  # now in the page cache too

    time.sleep(WAIT + 0.2)
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(url).status_code == 404
