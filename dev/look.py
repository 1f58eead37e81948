"""Open a built page in headless Chromium as a learner would, and take a screenshot.

    python dev/look.py PAGE.html [--dist dist] [--png look.png] [--width 1200]

Prints the page's errors, its requests that left the site, how long the
pre-rendered and the live figures took, and the figures' state once live.
"""

import argparse
import time

import serve  # this folder's, beside this script
from chromium import launch_chromium
from playwright.sync_api import sync_playwright


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default="index.html")
    parser.add_argument("--dist", default="dist")
    parser.add_argument("--png", default="look.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--timeout", type=float, default=90)
    args = parser.parse_args()
    server = serve.start(args.dist, prefix="/course/")
    base = f"http://127.0.0.1:{server.server_port}/course/"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": args.width, "height": 900})
        outside = []
        context.on("request", lambda r: r.url.startswith(base) or outside.append(r.url))
        page = context.new_page()
        page.on("console", lambda m: m.type in ("error", "warning") and print("console", m.type, m.text[-2000:]))
        page.on("pageerror", lambda e: print("page error", e))
        page.on("response", lambda r: r.status >= 400 and print("HTTP", r.status, r.url))
        started = time.time()
        page.goto(base + args.page)
        if page.locator("#figures-json").count():
            page.wait_for_selector("body.figures-drawn", state="attached", timeout=30000)
            print(f"pre-rendered figures at {time.time() - started:.1f} s")
            page.wait_for_selector("body.figures-live, body.figures-failed", state="attached", timeout=args.timeout * 1000)
            print(f"{page.evaluate('document.body.className')} at {time.time() - started:.1f} s")
        page.screenshot(path=args.png, full_page=True)
        print("screenshot:", args.png, "| requests off the site:", outside or "none")
        browser.close()


if __name__ == "__main__":
    main()
