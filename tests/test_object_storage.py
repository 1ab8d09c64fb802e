"""Uploaded files go to S3-compatible object storage when its variables are set: tested against moto's S3
server, started here on 127.0.0.1 (no outside host)."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

BUCKET = "forum-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_S3_REGION_NAME": "us-east-1"}


def an_image():
    return get_image_model().objects.create(title="Image", file=get_test_image_file())


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


def _stored_names(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_settings_choose_object_storage_when_a_bucket_is_named(s3_endpoint):
    endpoint, client = s3_endpoint
    env = {
        **os.environ,
        **CREDENTIALS,
        "DJANGO_SETTINGS_MODULE": "forum_site.settings.test",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
    }
    script = (
        "import django; django.setup()\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "print(default_storage.save('probe/hello.txt', ContentFile(b'hello')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=Path(settings.BASE_DIR), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in _stored_names(client)


def test_images_renditions_and_documents_are_stored_in_the_bucket(s3_endpoint, settings, db):
    endpoint, client = s3_endpoint
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "access_key": "testing",
                "secret_key": "testing",
                "region_name": "us-east-1",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    image = an_image()
    rendition = image.get_rendition("fill-120x80")
    document = get_document_model().objects.create(title="Guide")
    document.file.save("guide.txt", ContentFile(b"guide"))

    stored = _stored_names(client)
    assert image.file.name in stored
    assert rendition.file.name in stored
    assert document.file.name in stored
    assert rendition.url.startswith(f"{endpoint}/{BUCKET}/")
    assert get_image_model().objects.get(pk=image.pk).file.read() == image.file.read()
