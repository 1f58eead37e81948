"""The third-party notices: every package the built site ships is named, with its licence text."""

import re
import zipfile
from html.parser import HTMLParser

from build_steps.notices import LICENCES, NOTICES, shipped_notices


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


def notices_page(built_site):
    return (built_site / NOTICES).read_text(encoding="utf-8")


def test_every_shipped_python_package_is_named_with_its_version(built_site):
    page = notices_page(built_site)
    with zipfile.ZipFile(built_site / "static" / "python.zip") as archive:
        bundled = {name.split("/")[0] for name in archive.namelist() if name.endswith(".dist-info/METADATA")}
    compiled = {path.name.split("-")[0] for path in (built_site / "static" / "pyodide").glob("*.whl")}
    assert bundled and compiled
    for dist_info in bundled:
        name, version = re.fullmatch(r"(.+)-([^-]+)\.dist-info", dist_info).groups()
        assert re.search(rf"<td>{re.escape(version)}</td>", page), dist_info
    for name, version, licence, texts, url in shipped_notices(built_site):
        assert f"<td>{name}</td>" in page and licence
        assert texts or url, f"{name} has neither a licence text nor a link to one"


def test_every_licence_link_opens_a_shipped_file(built_site):
    links = Links()
    links.feed(notices_page(built_site))
    local = [href for href in links.hrefs if not href.startswith(("https://", "#"))]
    assert len(local) > 15
    for href in local:
        assert (built_site / href).is_file(), href
    assert f"{LICENCES}/deep-learning-visually/LICENSE" in local
    assert "pyodide" in notices_page(built_site)


def test_the_scorm_package_carries_the_notices(built_site):
    for package in built_site.glob("*scorm*.zip"):
        with zipfile.ZipFile(package) as archive:
            names = set(archive.namelist())
        assert NOTICES in names and f"{LICENCES}/deep-learning-visually/LICENSE" in names
