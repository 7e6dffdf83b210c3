"""Images and documents in S3-compatible object storage (django-storages), for sites on more
than one server. No S3 runs on this machine: moto's S3 server stands in for it on loopback,
spoken to over HTTP by boto3 as a real bucket would be. The site runs as a real server (gunicorn)
configured from the environment alone."""

import json
import re
import urllib.error
import urllib.request

import boto3
import pytest

from tests.conftest import PARTNERSHIP
from tests.server import DemoServer, free_port

BUCKET = "csp-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
REGION = "eu-west-2"


def public_pictures_policy(bucket):
    """The README's bucket policy: anyone may read pictures, and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PicturesArePublic",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket}/images/*",
                    f"arn:aws:s3:::{bucket}/original_images/*",
                ],
            }
        ],
    }


@pytest.fixture(scope="module")
def bucket():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_pictures_policy(BUCKET)))
    yield endpoint, s3
    server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, bucket):
    endpoint, _s3 = bucket
    server = DemoServer(
        tmp_path_factory.mktemp("object-storage"),
        extra_env={
            **CREDENTIALS,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": REGION,
        },
    ).prepare("setup_partnership", PARTNERSHIP)
    server.shell(
        "from home.models import HomePage; from home.ensure import ensure_pdf; "
        "from tests.factories import ImageFactory; "
        "from tests.home.factories import make_standard_page, rich_body; "
        "plan = ensure_pdf('Plan on a page', ['Three priorities']); "
        "image = ImageFactory(title='At the station'); "
        "make_standard_page(HomePage.objects.get(), 'about', body=rich_body(image, plan))"
    )
    server.start()
    yield server
    server.stop()


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers, response.read()


def test_uploads_are_kept_in_the_bucket(site, bucket):
    _endpoint, s3 = bucket
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert any(key.startswith("original_images/") for key in keys), keys
    assert any(key.startswith("documents/") for key in keys), keys
    # Nothing was written to the server's own media folder for them.
    assert not list((site.workdir / "media").glob("original_images/*At*"))


def test_pictures_come_from_the_bucket_and_the_policy_allows_them(site, bucket):
    endpoint, _s3 = bucket
    status, headers, body = fetch(site.url + "/about/")
    assert status == 200
    sources = re.findall(r'<img[^>]+src="([^"]+)"', body.decode())
    assert sources and all(source.startswith(f"{endpoint}/{BUCKET}/images/") for source in sources)
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    assert endpoint in policy["img-src"].split()
    status, _image_headers, picture = fetch(sources[0])
    assert status == 200 and picture[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"RIFF", b"GIF8")


def test_documents_are_sent_by_the_site_and_not_by_the_bucket(site, bucket):
    endpoint, s3 = bucket
    _status, _headers, body = fetch(site.url + "/about/")
    link = re.search(r'href="(/documents/\d+/[^"]+)"', body.decode()).group(1)
    status, _headers, document = fetch(site.url + link)
    assert status == 200
    assert document.startswith(b"%PDF")
    # Straight from the bucket, without the site's credentials: refused, so that a document in
    # a private collection can only be had through the site's check.
    keys = [
        item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix="documents/")["Contents"]
    ]
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(f"{endpoint}/{BUCKET}/{keys[0]}")
    assert refused.value.code == 403
