"""The build's version: the package version plus a hash of the sources and the build's options."""

import re

from build_steps.version import build_version, package_version


def test_the_version_is_the_package_version_and_a_source_hash():
    version = build_version()
    assert re.fullmatch(rf"{re.escape(package_version())}\+[0-9a-f]{{8}}", version)
    assert build_version() == version  # the same sources, the same version


def test_build_options_make_another_version():
    assert build_version("1-what-is-deep-learning") != build_version()
