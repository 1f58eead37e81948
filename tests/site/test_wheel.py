"""The course's wheel works on its own: installed in a fresh virtual environment, outside
the repository, `python -m dlviz serve` serves every lesson with its text and figures."""

import os
import socket
import subprocess
import sysconfig
import time
import venv
from concurrent.futures import ThreadPoolExecutor

import pytest
from bokeh.client import pull_session

from dlviz.course import available_lessons


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"python -m dlviz serve exited:\n{process.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("python -m dlviz serve never listened")


@pytest.fixture(scope="module")
def installed(built_site, tmp_path_factory):
    """A fresh venv with only the built wheel installed (its dependencies seen through a .pth
    file pointing at this environment's, so no download is needed); returns its python."""
    wheel = next((built_site / "notebooks").glob("dlviz-*.whl"))
    home = tmp_path_factory.mktemp("fresh")
    venv.create(home / "venv", with_pip=True)
    python = home / "venv" / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    site_packages = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    with open(os.path.join(site_packages, "course-dependencies.pth"), "w") as handle:
        handle.write(sysconfig.get_paths()["purelib"] + "\n")
    return python, home


def clean_environment():
    """This environment without the repository on the path."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PANEL_CDN_ROOT")}


def test_the_installed_package_is_not_the_repository(installed):
    python, home = installed
    where = subprocess.run(
        [python, "-c", "import dlviz; print(dlviz.__file__)"],
        capture_output=True, text=True, check=True, cwd=home, env=clean_environment(),
    ).stdout
    assert "site-packages" in where and "/py/dlviz" not in where


def test_the_installed_wheel_serves_every_lesson(installed):
    python, home = installed
    port = free_port()
    process = subprocess.Popen(
        [python, "-m", "dlviz", "serve", "--port", str(port), "--no-reload"],
        cwd=home, env=clean_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        wait_for_port(port, process)
        for lesson in available_lessons():
            # In a thread of its own: Playwright's event loop runs in this one once a browser test has run.
            with ThreadPoolExecutor(1) as thread:
                text = thread.submit(document_text, f"http://127.0.0.1:{port}/{lesson.slug}").result()
            assert lesson.title.split("?")[0] in text, lesson.slug
    finally:
        process.terminate()
        process.wait(timeout=30)


def document_text(url):
    """Every text of the Bokeh document a Panel server serves at `url`."""
    with pull_session(url=url) as session:
        return " ".join(str(getattr(model, "text", "")) for root in session.document.roots for model in root.references())
