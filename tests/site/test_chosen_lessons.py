"""A course of chosen lessons (build.py --lessons 1,3): the navigation, the front page, the SCORM
packages and the notebooks hold exactly those lessons."""

import re
import zipfile

import pytest

import build
from build_steps.scorm import PACKAGES
from dlviz.course import available_lessons, chosen_lessons

LESSONS = available_lessons()


def test_lessons_are_chosen_by_number_or_slug_in_the_courses_order():
    assert chosen_lessons("3,1") == [LESSONS[0], LESSONS[2]]
    assert chosen_lessons(f"{LESSONS[4].slug}, 2") == [LESSONS[1], LESSONS[4]]
    for bad in ("0", "7", "1,nope", "", "1.5"):
        with pytest.raises(ValueError, match="lesson"):
            chosen_lessons(bad)


def test_an_unknown_lesson_fails_the_build_with_its_name(tmp_path, capsys):
    assert build.main(["--out", str(tmp_path / "dist"), "--lessons", "1,9"]) == 1
    assert "'9' is not a lesson" in capsys.readouterr().err


def test_a_build_of_two_lessons_holds_exactly_those(tmp_path):
    out = tmp_path / "dist"
    assert build.main(["--out", str(out), "--lessons", "1,3"]) == 0
    chosen = {LESSONS[0].slug, LESSONS[2].slug}
    assert {path.stem for path in out.glob("*.html")} - {"index", "notices", "teachers"} == chosen
    for page in ["index.html", *(f"{slug}.html" for slug in chosen)]:
        html = (out / page).read_text()
        nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
        assert set(re.findall(r'href="([^"]+)\.html"', nav)) == chosen, page
    front = (out / "index.html").read_text()
    linked = {slug for lesson in LESSONS for slug in [lesson.slug] if f'href="{slug}.html"' in front}
    assert linked == chosen
    assert set(re.findall(r'href="notebooks/([^"]+)\.ipynb"', front)) == chosen
    assert {path.stem for path in (out / "notebooks").glob("*.ipynb")} == chosen
    for name in PACKAGES.values():
        with zipfile.ZipFile(out / name) as package:
            manifest = package.read("imsmanifest.xml").decode()
            launched = set(re.findall(r'<resource identifier="sco-\d+"[^>]*href="([^"]+)\.html"', manifest))
            assert launched == chosen, name
            pages = set(re.findall(r'href="([^"/]+)\.html"', manifest)) - {"index", "notices", "teachers"}
            assert pages == chosen, name
            assert {path.split("/")[-1][:-6] for path in package.namelist() if path.endswith(".ipynb")} == chosen
