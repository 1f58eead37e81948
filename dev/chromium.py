"""Find a Chromium for Playwright here: $DLVIZ_CHROMIUM, Debian's /usr/bin/chromium, or Playwright's own."""

import os
import shutil

# Without these, headless Chromium calls Google's hosts in the background.
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path():
    """The Chromium executable to use, or None to let Playwright use its own download."""
    for candidate in (os.environ.get("DLVIZ_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def launch_chromium(playwright, **options):
    return playwright.chromium.launch(executable_path=chromium_path(), args=QUIET_FLAGS, **options)
