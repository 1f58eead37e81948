"""The course's benchmark: our lesson page against a naive `panel convert` page, in Chromium.

    ./course bench [--runs 5] [--dist dist]

One run builds (or reuses) the site, makes the naive page (`panel convert
--to pyodide-worker` of the same polynomial figure, its CDN URLs made local and
its wheels installed as published), serves both from localhost with gzip as a
static host would, and measures each median over several cold runs:

- first content: first paint of text, and the pre-rendered figures drawn;
- time to interactive, cold cache: live figures that answer their controls;
- the next lesson, once one is live (ours moves in place; naive pages start cold);
- a slider's round trip through the worker (p50, p95) on a real lesson figure;
- bytes transferred for the first page;
- the playground's drawn training updates per second (2-8-8-1 on the rings);
- offline (`--offline-only` measures just these, keeping the other results): the bytes the
  service worker adds to a first visit (caching the whole course), the bytes an update takes
  after a one-line change to a lesson's text (the course built again from a copy of the sources),
  and the first figure live on `4-how-networks-learn.html` behind a throttled link (10 Mbit/s shared
  by every request, 40 ms each: the server itself is the link, so the page, its worker and the
  service worker are all slowed) with the service worker on, against the same with it blocked.

Writes bench/results.json and bench/RESULTS.md (targets, ratios, misses and why).
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from build_steps.runtime import PYODIDE_NPM, pyodide_dist  # noqa: E402  (first: it points Panel at the site)
from build_steps.vendor import pure_wheel_files  # noqa: E402
from dev import serve  # noqa: E402
from dev.chromium import launch_chromium  # noqa: E402

LESSON = "2-fundamentals-of-learning"
OFFLINE_LESSON = "4-how-networks-learn"
LINK_BYTES_PER_S, LINK_LATENCY_S = 10e6 / 8, 0.040
NEXT_LESSON = "3-neural-networks"
PROFILE_LESSONS = ["2-fundamentals-of-learning", "4-how-networks-learn"]
FIGURE = "polynomial_fit"
NAIVE_APP = """\
import panel as pn
from dlviz.figures.fundamentals import PolynomialFit

pn.panel(PolynomialFit()).servable()
"""
# The naive page's pure wheels, as published (the same pins as build.py), installed with deps=False.
NAIVE_FROM_LOCK = ["numpy", "pyyaml", "markupsafe", "packaging", "nh3"]

# Records, in the page, when the first figure view appears and when the naive page's loading class goes.
TIMING_SCRIPT = """
window.__bench = {};
const mark = (name) => { if (!(name in window.__bench)) window.__bench[name] = performance.now(); };
new MutationObserver(() => {
  if (window.Bokeh && Bokeh.index && [...Bokeh.index.roots].length) mark("figures");
  if (document.body && document.body.classList.contains("figures-live")) mark("live");
  if (document.body && window.__sawLoading && !document.body.classList.contains("pn-loading")) mark("live");
  if (document.body && document.body.classList.contains("pn-loading")) window.__sawLoading = true;
}).observe(document, {subtree: true, childList: true, attributes: true});
"""

TARGETS = {
    "first_content_s": ("first content (text and pre-rendered figures) on screen", "<=", 0.5),
    "tti_ratio": ("time to interactive, cold, as a share of the naive page's", "<=", 0.45),
    "cold_2_ratio": ("lesson 2's first figure Python-live, cold, as a share of the naive page's", "<=", 0.45),
    "cold_4_ratio": ("lesson 4's first figure Python-live, cold, as a share of the naive page's", "<=", 0.45),
    "phone_2_ratio": ("the same for lesson 2 as a phone (CPU 4x, 10 Mbit/s, 40 ms)", "<=", 0.45),
    "phone_4_ratio": ("the same for lesson 4 as a phone (CPU 4x, 10 Mbit/s, 40 ms)", "<=", 0.45),
    "status_still_cold_s": ("longest on one status line while Python starts, cold, both lessons (s)", "<=", 2.0),
    "status_still_phone_s": ("the same as a phone (CPU 4x, 10 Mbit/s, 40 ms) (s)", "<=", 2.0),
    "first_answer_ms": ("first answer to a precomputed control, slowest figure, both profiles (ms)", "<=", 100),
    "next_lesson_ratio": ("the next lesson, as a share of the naive page's cold time", "<=", 0.25),
    "slider_p95_ms": ("slider round trip through the worker, p95 (ms)", "<=", 50),
    "first_page_mb": ("bytes transferred for the first page (MB)", "<=", 12),
    "playground_updates_per_s": ("playground updates drawn per second (2-8-8-1, rings)", ">=", 20),
    "offline_first_visit_mb": ("bytes the service worker adds to a first visit, caching the whole course (MB)", "<=", 20),
    "offline_update_mb": ("bytes an update takes after a one-line text change (MB)", "<=", 1),
    "offline_tti_ratio": ("first figure live behind 10 Mbit/s, service worker on / blocked", "<=", 1.1),
}


# ---------------------------------------------------------------- the naive page


def make_naive_page(site, folder):
    """`panel convert` the figure, then point every CDN URL at local files (as the guide's anchor did)."""
    work = folder / "convert"
    work.mkdir(parents=True)
    (work / "app.py").write_text(NAIVE_APP)
    env = {"PYTHONPATH": str(ROOT / "py"), "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    subprocess.run([str(Path(sys.executable).parent / "panel"), "convert", "app.py", "--to", "pyodide-worker", "--out", "out"],
                   cwd=work, check=True, env=env, capture_output=True)
    naive = folder / "naive"
    naive.mkdir()
    shutil.copytree(site / "static" / "pyodide", naive / "pyodide")
    micropip = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())["packages"]["micropip"]
    shutil.copy(Path(pyodide_dist()) / micropip["file_name"], naive / "pyodide")
    wheels = naive / "wheels"
    wheels.mkdir()
    for wheel in pure_wheel_files(ROOT / ".cache" / "wheels"):
        shutil.copy(wheel, wheels / wheel.name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    copy_cdn_files(naive)

    html = (work / "out" / "app.html").read_text()
    html = re.sub(r"https://cdn\.bokeh\.org/bokeh/release/(bokeh(?:-\w+)?)-[\d.]+\.min\.js", r"cdn/bokeh/\1.min.js", html)
    html = html.replace(panel_default_cdn_root(), "cdn/panel/")
    (naive / "app.html").write_text(html)

    urls = [f"wheels/{wheel.name}" for wheel in sorted(wheels.glob("*.whl"))]
    worker = (work / "out" / "app.js").read_text()
    worker = re.sub(r'importScripts\("[^"]+"\)', 'importScripts("pyodide/pyodide.js")', worker)
    worker = worker.replace("await loadPyodide()", 'await loadPyodide({indexURL: new URL("pyodide/", self.location).href})')
    worker = re.sub(
        r"await micropip\.install\(\[.*?\]\);",
        "await micropip.install(" + json.dumps(NAIVE_FROM_LOCK + [f"{{BASE}}{url}" for url in urls]).replace('"{BASE}', 'BASE + "') + ", deps=False);",
        worker,
    )
    worker = worker.replace("import micropip\n", "import micropip\n      from js import location\n      BASE = location.href.rsplit('/', 1)[0] + '/'\n", 1)
    assert "cdn." not in worker, "a CDN URL is left in the naive worker"
    (naive / "app.js").write_text(worker)
    return naive


def panel_default_cdn_root():
    """Where `panel convert` points Panel's files unless PANEL_CDN_ROOT says otherwise."""
    import panel

    return panel.config.param._cdn_root.default


def copy_cdn_files(naive):
    """Bokeh's and Panel's JS and CSS the naive page names, from the installed packages."""
    import bokeh
    import panel

    shutil.copytree(Path(bokeh.__file__).parent / "server" / "static" / "js", naive / "cdn" / "bokeh",
                    ignore=shutil.ignore_patterns("*.map", "*.d.ts", "lib", "compiler*"))
    shutil.copytree(Path(panel.__file__).parent / "dist", naive / "cdn" / "panel" / panel.__version__ / "dist",
                    ignore=shutil.ignore_patterns("*.map", "dts", "lib"))


# ---------------------------------------------------------------- measuring


def measure_cold(browser, url, live_selector, with_bytes=False, cpu=1):
    """One cold visit: (first paint, figures drawn, all live, bytes, first figure live, the benchmark figure live,
    the status's longest stay on one line while Python starts: (seconds, that line)).

    Times in seconds from navigation. On our page each figure goes live on its own
    (the one on screen first); the naive page has one figure, live all at once (and no status of ours).
    """
    context = browser.new_context(service_workers="block", viewport={"width": 1200, "height": 900})
    requests = []
    context.on("requestfinished", lambda request: requests.append(request))
    page = context.new_page()
    slow_cpu(context, page, cpu)
    page.add_init_script(TIMING_SCRIPT)
    page.goto(url, timeout=300_000)
    page.wait_for_selector(live_selector, state="attached", timeout=600_000)
    page.wait_for_function("window.__bench.live !== undefined", timeout=600_000)
    timings = page.evaluate("""(figure) => {
        // From the status's first line to the first figure live: the longest time one line stayed.
        const stillest = (timeline) => {
            const until = timeline.findIndex(([what]) => what.startsWith('live '));
            let longest = [0, null];
            for (let i = 1; i <= until; i++) {
                const stayed = (timeline[i][1] - timeline[i - 1][1]) / 1000;
                if (stayed > longest[0]) longest = [stayed, timeline[i - 1][0]];
            }
            return longest;
        };
        const timeline = (window.course && window.course.timeline) || [];
        const at = (test) => (timeline.find(([what]) => test(what)) || [null, window.__bench.live])[1];
        return {
            paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
            figures: window.__bench.figures, live: window.__bench.live,
            first: at((what) => what.startsWith('live ')), figure: at((what) => what === `live ${figure}`),
            still: stillest(timeline)};
    }""", FIGURE)
    transferred = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"] for request in requests) if with_bytes else None
    context.close()
    return (timings["paint"] / 1000, (timings["figures"] or 0) / 1000, timings["live"] / 1000, transferred,
            timings["first"] / 1000, timings["figure"] / 1000, timings["still"])


def slow_cpu(context, page, rate):
    """Chromium's CPU throttling (DevTools' "4x slowdown") on the page, for the phone profile."""
    if rate > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})


# Before Python: for each figure of the page, move its first precomputed control (on its Bokeh
# model, as the slider does) and time until that state is painted; null for a figure that waits.
ANSWERS_SCRIPT = """async () => {
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const answers = {};
  for (const figure of document.querySelectorAll("figure[data-figure]")) {
    const name = figure.dataset.figure;
    const states = course.precomputed.states(name);
    if (!states) { answers[name] = null; continue; }
    const [parameter, attribute] = states.controls[0];
    const control = course.waiting.controls(course.draw.documentOf(name))[parameter];
    const now = JSON.stringify(control[attribute]);
    const other = states.states.map((state) => state.values[0]).find((value) => JSON.stringify(value) !== now);
    figure.scrollIntoView();
    await painted();
    const started = performance.now();
    control.setv({ [attribute]: other });
    await painted();
    answers[name] = figure.classList.contains("figure-precomputed") ? performance.now() - started : null;
  }
  return answers;
}"""


def measure_answers(browser, url, cpu=1):
    """{figure: ms from moving its control to the precomputed state painted, or None (it waits for Python)},
    measured with Python held back, as soon as the page's pre-rendered figures are drawn (first content)."""
    context = browser.new_context(service_workers="block", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    slow_cpu(context, page, cpu)
    context.route("**/pyodide.asm.wasm", lambda route: None)  # never answered: these are answers before Python
    page.goto(url, timeout=300_000)
    page.wait_for_selector("body.figures-drawn", state="attached", timeout=300_000)
    answers = page.evaluate(ANSWERS_SCRIPT)
    context.close()
    return answers


def measure_profiles(browser, site, naive, runs):
    """Lessons 2 and 4, ours beside the naive page, cold, on this machine ("cold") and as a phone ("phone":
    CPU 4x slower, and 10 Mbit/s with 40 ms per request for the page, its worker and its service worker
    alike, the server itself being the link): the first figure Python-live, and the answers before Python."""
    results = {}
    for profile, cpu, handler in [("cold", 1, None), ("phone", 4, lambda: throttled_handler(Link(LINK_BYTES_PER_S, LINK_LATENCY_S)))]:
        ours = serve.start(site, prefix="/course/", **({"handler": handler()} if handler else {}))
        theirs = serve.start(naive, prefix="/naive/", **({"handler": handler()} if handler else {}))
        base, naive_url = f"http://127.0.0.1:{ours.server_port}/course/", f"http://127.0.0.1:{theirs.server_port}/naive/app.html"
        naive_s = statistics.median(measure_cold(browser, naive_url, "body:not(.pn-loading)", cpu=cpu)[2] for _ in range(runs))
        for slug in PROFILE_LESSONS:
            key = f"{profile}_{slug[0]}"
            runs_ours = [measure_cold(browser, base + f"{slug}.html", "body.figures-live", cpu=cpu) for _ in range(runs)]
            results[f"{key}_paint_s"] = statistics.median(max(run[0], run[1]) for run in runs_ours)
            results[f"{key}_first_live_s"] = statistics.median(run[4] for run in runs_ours)
            results[f"{key}_naive_s"] = naive_s
            results[f"{key}_ratio"] = results[f"{key}_first_live_s"] / naive_s
            results[f"{key}_still"] = max((run[6] for run in runs_ours), key=lambda still: still[0])  # the worst run
            results[f"{key}_answers_ms"] = measure_answers(browser, base + f"{slug}.html", cpu=cpu)
        ours.shutdown()
        theirs.shutdown()
    answered = [ms for key, answers in results.items() if key.endswith("_answers_ms") for ms in answers.values() if ms is not None]
    results["first_answer_ms"] = max(answered)
    for profile in ("cold", "phone"):
        results[f"status_still_{profile}_s"] = max(results[f"{profile}_{slug[0]}_still"][0] for slug in PROFILE_LESSONS)
    return results


def measure_next_lesson(browser, base):
    """Seconds from clicking 'next' on a live lesson until its first figure, and all, are live."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(base + f"{LESSON}.html")
    page.wait_for_selector("body.figures-live", state="attached", timeout=180_000)
    seen, started = page.evaluate("window.course.timeline.length"), page.evaluate("performance.now()")
    page.locator("a[rel=next]").click()
    page.wait_for_function(f"document.body.dataset.lesson === '{NEXT_LESSON}' && document.body.classList.contains('figures-live')", timeout=180_000)
    first = page.evaluate("(seen) => window.course.timeline.slice(seen).find(([what]) => what.startsWith('live '))[1]", seen)
    everything = page.evaluate("performance.now()")
    context.close()
    return (first - started) / 1000, (everything - started) / 1000


def measure_slider(browser, base, presses=40):
    """Round trips (ms) from a key press on the degree slider to the worker's answer on screen."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(base + f"{LESSON}.html")
    page.wait_for_selector("body.figures-live", state="attached", timeout=180_000)
    page.evaluate("""() => {
        window.__trips = [];
        document.addEventListener('keydown', () => { window.__pressed = performance.now(); }, true);
        // The first answer after a key press carries the figure's new state; a second one
        // follows for the slider's throttled value, with nothing new to show.
        document.addEventListener('figure-state', () => {
            if (window.__pressed !== null) window.__trips.push(performance.now() - window.__pressed);
            window.__pressed = null;
        });
    }""")
    handle = page.locator(f"#figure-{FIGURE} .noUi-handle").first
    handle.focus()
    for press in range(presses):
        changes = page.evaluate("window.course.changes")
        page.keyboard.press("ArrowRight" if (press // 8) % 2 == 0 else "ArrowLeft")
        page.wait_for_function(f"window.course.changes > {changes}", timeout=30_000)
        page.wait_for_timeout(60)
    trips = page.evaluate("window.__trips")
    context.close()
    return trips


def measure_playground(browser, base, seconds=6.0):
    """Training updates drawn per second while the playground plays (one loss point per update)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(base + "5-playground.html")
    page.wait_for_selector("body.figures-live", state="attached", timeout=180_000)
    count = """() => { const docs = [...Bokeh.documents].reverse();
        for (const doc of docs) { const m = doc.get_model_by_name('playground_losses'); if (m) return m.data.epoch.length; }
        return -1; }"""
    page.locator("#figure-playground button", has_text="Play").first.click()
    page.wait_for_timeout(1000)
    first, started = page.evaluate(count), time.monotonic()
    page.wait_for_timeout(seconds * 1000)
    last, elapsed = page.evaluate(count), time.monotonic() - started
    context.close()
    return (last - first) / elapsed


# ---------------------------------------------------------------- offline


def build_after_one_line_change(folder):
    """The course built again from a copy of its sources with one line of a lesson's text changed."""
    copy = folder / "changed"
    copy.mkdir()
    for name in ("build.py", "build_steps", "py", "site", "package.json", "package-lock.json", "pyproject.toml", "requirements.lock", "LICENSE"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, copy / name)
    for name in ("node_modules", ".cache"):
        (copy / name).symlink_to(ROOT / name)
    lesson = copy / "py" / "dlviz" / "lessons" / f"{OFFLINE_LESSON}.md"
    lines = lesson.read_text().splitlines(keepends=True)
    line = next(index for index, text in enumerate(lines) if text.strip() and not text.startswith(("#", ":::", ">", "<")))
    lines[line] = lines[line].rstrip("\n") + " (Now with one more sentence.)\n"
    lesson.write_text("".join(lines))
    site = folder / "site-changed"
    subprocess.run([sys.executable, str(copy / "build.py"), "--out", str(site), "--pyodide-dist", pyodide_dist()],
                   check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(copy / "py")})
    return site


def sent_bytes(server, since=0):
    """Body bytes the server has sent (after its first `since` responses)."""
    return sum(size for _, _, size in server.sent[since:])


def first_visit(browser, server, base, service_workers):
    """Open the offline lesson cold until all its figures are live (and, with the service worker,
    until it has cached the course); return (bytes sent, seconds to the first live figure, the page)."""
    context = browser.new_context(service_workers=service_workers)
    page = context.new_page()
    since = len(server.sent)
    page.goto(base + f"{OFFLINE_LESSON}.html")
    page.wait_for_selector("body.figures-live", state="attached", timeout=600_000)
    first = page.evaluate("window.course.timeline.find(([what]) => what.startsWith('live '))[1]") / 1000
    if service_workers == "allow":
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=600_000)
    return sent_bytes(server, since), first, page


class Link:
    """A slow network link: `rate` bytes per second shared by every response, `latency` seconds each."""

    def __init__(self, rate, latency):
        self.rate, self.latency, self.lock, self.free_at = rate, latency, threading.Lock(), 0.0

    def send(self, write, data, chunk=16384):
        for start in range(0, len(data), chunk):
            part = data[start:start + chunk]
            with self.lock:
                begins = max(time.monotonic(), self.free_at)
                self.free_at = begins + len(part) / self.rate
            time.sleep(max(0.0, self.free_at - time.monotonic()))
            write(part)


class ThrottledFile:
    """A connection's output file whose writes go through `link`."""

    def __init__(self, raw, link):
        self.raw, self.link = raw, link

    def write(self, data):
        self.link.send(self.raw.write, data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def throttled_handler(link):
    """serve.SiteHandler behind `link`: each response waits its latency, its bytes share the rate."""

    class Throttled(serve.SiteHandler):
        def setup(self):
            super().setup()
            self.wfile = ThrottledFile(self.wfile, link)

        def respond(self, head):
            time.sleep(link.latency)
            super().respond(head)

    return Throttled


def measure_offline(browser, site, changed, runs):
    """The offline results: a first visit's bytes with the service worker and without, an update's
    bytes, and the first figure live behind a slow link with the service worker on and blocked."""
    server = serve.start(site, prefix="/course/")
    base = f"http://127.0.0.1:{server.server_port}/course/"
    blocked, _, page = first_visit(browser, server, base, "block")
    page.context.close()
    with_worker, _, page = first_visit(browser, server, base, "allow")
    server.root, since = changed, len(server.sent)  # the changed build deployed
    page.reload()
    page.wait_for_selector("#update-offer", state="attached", timeout=600_000)
    update = sent_bytes(server, since)
    page.context.close()
    server.shutdown()
    slow = serve.start(site, prefix="/course/", handler=throttled_handler(Link(LINK_BYTES_PER_S, LINK_LATENCY_S)))
    slow_base = f"http://127.0.0.1:{slow.server_port}/course/"
    timings = {"allow": [], "block": []}
    for _ in range(runs):  # in turn, so both see the same machine
        for mode, firsts in timings.items():
            _, first, page = first_visit(browser, slow, slow_base, mode)
            page.context.close()
            firsts.append(first)
    slow.shutdown()
    return {
        "offline_date": time.strftime("%Y-%m-%d"), "offline_runs": runs,
        "offline_first_visit_mb": (with_worker - blocked) / 1e6, "first_visit_mb": with_worker / 1e6,
        "offline_update_mb": update / 1e6,
        "offline_tti_s": statistics.median(timings["allow"]), "blocked_tti_s": statistics.median(timings["block"]),
        "offline_tti_ratio": statistics.median(timings["allow"]) / statistics.median(timings["block"]),
    }


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# ---------------------------------------------------------------- report


def judge(results):
    """Each target: (what, value, target, met, by how much)."""
    rows = []
    for key, (what, sense, target) in TARGETS.items():
        if key not in results:
            continue  # not measured in this run (an older results.json)
        value = results[key]
        met = value <= target if sense == "<=" else value >= target
        rows.append({"what": what, "value": value, "target": f"{sense} {target}", "met": met,
                     "off_by": None if met else round(abs(value - target) / target * 100)})
    return rows


def profile_lines(results):
    """The report's sections on lessons 2 and 4, cold and as a phone, and on the answers before Python."""
    return [
        "## Lessons 2 and 4, cold and as a phone",
        "",
        "The first figure Python-live, from navigation, ours beside the naive page in the same run; *phone*: Chromium's",
        "CPU throttled 4x (`Emulation.setCPUThrottlingRate`) and the server itself a 10 Mbit/s link with 40 ms per",
        "request, so the page, its worker and its service worker are all slowed.",
        "",
        "*Longest on one status line*: from the status's first line until the first figure is live, the longest",
        "time one line stayed on screen, in the worst of the runs, and that line.",
        "",
        "| lesson, profile | first content (s) | first figure live (s) | naive (s) | ratio | longest on one status line (s) |",
        "| --- | --- | --- | --- | --- | --- |",
        *[
            f"| {slug}, {profile} | {results[f'{profile}_{slug[0]}_paint_s']:.2f} | {results[f'{profile}_{slug[0]}_first_live_s']:.1f} "
            f"| {results[f'{profile}_{slug[0]}_naive_s']:.1f} | {results[f'{profile}_{slug[0]}_ratio']:.2f} | {still_text(results, f'{profile}_{slug[0]}_still')} |"
            for profile in ("cold", "phone") for slug in PROFILE_LESSONS
        ],
        "",
        "## Which figures answer before Python",
        "",
        "With Python held back, each figure's first precomputed control is moved as soon as the pre-rendered figures",
        "are drawn (first content): the milliseconds until that state is painted. A figure that *waits* keeps the",
        "learner's move and applies it the moment it is live.",
        "",
        "| lesson | figure | cold (ms) | phone (ms) |",
        "| --- | --- | --- | --- |",
        *[
            f"| {slug} | `{name}` | {answer_text(results[f'cold_{slug[0]}_answers_ms'][name])} "
            f"| {answer_text(results[f'phone_{slug[0]}_answers_ms'][name])} |"
            for slug in PROFILE_LESSONS for name in results[f"cold_{slug[0]}_answers_ms"]
        ],
        "",
    ]


def still_text(results, key):
    if key not in results:
        return "not measured"  # an older results.json
    seconds, line = results[key]
    return f"{seconds:.1f} (\"{line}\")"


def answer_text(ms):
    return "waits for Python" if ms is None else f"{ms:.0f}"


def write_report(results, rows, folder):
    (folder / "results.json").write_text(json.dumps({"results": results, "targets": rows}, indent=2) + "\n")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date']} on {results['machine']}, Chromium headless, localhost with gzip,",
        f"{results['runs']} cold runs each (medians). Ours: the lesson page `{LESSON}.html` with all its figures",
        f"(`{FIGURE}` among them); naive: `panel convert --to pyodide-worker` of `{FIGURE}` alone, URLs made local,",
        "wheels as published and installed by micropip. Regenerate with `./course bench`.",
        "",
        "| measure | ours | naive | ratio |",
        "| --- | --- | --- | --- |",
        f"| first paint (s) | {results['ours_paint_s']:.2f} | {results['naive_paint_s']:.2f} | |",
        f"| pre-rendered figures drawn (s) | {results['ours_figures_s']:.2f} | {results['naive_figures_s']:.2f} | |",
        f"| time to interactive, cold: first figure live (s) | {results['ours_tti_s']:.2f} | {results['naive_tti_s']:.2f} | {results['tti_ratio']:.2f} |",
        f"| the same figure (`{FIGURE}`) live (s) | {results['ours_figure_live_s']:.2f} | {results['naive_tti_s']:.2f} | {results['same_figure_ratio']:.2f} |",
        f"| every figure of the lesson live (s) | {results['ours_all_live_s']:.2f} | | |",
        f"| next lesson: first figure live (s) | {results['next_lesson_s']:.2f} | {results['naive_tti_s']:.2f} (cold again) | {results['next_lesson_ratio']:.2f} |",
        f"| next lesson: all {NEXT_LESSON} figures live (s) | {results['next_lesson_all_s']:.2f} | | |",
        f"| bytes for the first page (MB) | {results['first_page_mb']:.1f} | {results['naive_page_mb']:.1f} | {results['first_page_mb'] / results['naive_page_mb']:.2f} |",
        f"| slider round trip p50 / p95 (ms) | {results['slider_p50_ms']:.0f} / {results['slider_p95_ms']:.0f} | | |",
        f"| playground updates per second | {results['playground_updates_per_s']:.1f} | | |",
        "",
        "## Offline",
        "",
        f"Measured {results['offline_date']}: a first visit of `{OFFLINE_LESSON}.html` until the service worker has",
        "cached the course (bytes on the wire, gzip as a host sends them); an update to the same course built again",
        "after a one-line change to that lesson's text; a first visit behind 10 Mbit/s with 40 ms per request",
        f"({results['offline_runs']} runs each, medians).",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| a first visit, all its figures live and the course cached (MB) | {results['first_visit_mb']:.1f} |",
        f"| of which the service worker's, caching the rest of the course (MB) | {results['offline_first_visit_mb']:.2f} |",
        f"| an update after a one-line text change (MB) | {results['offline_update_mb']:.2f} |",
        f"| first figure live behind 10 Mbit/s, service worker on / blocked (s) | {results['offline_tti_s']:.1f} / {results['blocked_tti_s']:.1f} |",
        "",
        *(profile_lines(results) if "cold_2_ratio" in results else []),
        "## Targets",
        "",
        "| target | value | goal | met |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        verdict = "yes" if row["met"] else f"**no**, off by {row['off_by']}%"
        lines.append(f"| {row['what']} | {row['value']:.2f} | {row['target']} | {verdict} |")
    lines += ["", "## Notes", "", (folder / "NOTES.md").read_text() if (folder / "NOTES.md").exists() else ""]
    (folder / "RESULTS.md").write_text("\n".join(lines).rstrip() + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dist", help="an already built site (default: build one)")
    parser.add_argument("--offline-only", action="store_true", help="measure only the offline results, keep the others")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        site = Path(args.dist) if args.dist else folder / "site"
        if not args.dist:
            subprocess.run([sys.executable, str(ROOT / "build.py"), "--out", str(site)], check=True, stdout=subprocess.DEVNULL)
        changed = build_after_one_line_change(folder)
        if args.offline_only:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                offline = measure_offline(browser, site, changed, args.runs)
                browser.close()
            results = json.loads((ROOT / "bench" / "results.json").read_text())["results"]
            report({**results, **offline})
            return
        naive = make_naive_page(site, folder)
        ours_server, naive_server = serve.start(site, prefix="/course/"), serve.start(naive, prefix="/naive/")
        ours_base = f"http://127.0.0.1:{ours_server.server_port}/course/"
        naive_url = f"http://127.0.0.1:{naive_server.server_port}/naive/app.html"
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            ours = [measure_cold(browser, ours_base + f"{LESSON}.html", "body.figures-live", with_bytes=True) for _ in range(args.runs)]
            naive_runs = [measure_cold(browser, naive_url, "body:not(.pn-loading)", with_bytes=True) for _ in range(args.runs)]
            next_lessons = [measure_next_lesson(browser, ours_base) for _ in range(args.runs)]
            trips = measure_slider(browser, ours_base)
            updates = statistics.median(measure_playground(browser, ours_base) for _ in range(3))
            offline = measure_offline(browser, site, changed, args.runs)
            profiles = measure_profiles(browser, site, naive, args.runs)
            browser.close()
    median = lambda runs, index: statistics.median(run[index] for run in runs)  # noqa: E731
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": args.runs,
        "ours_paint_s": median(ours, 0), "ours_figures_s": median(ours, 1), "ours_all_live_s": median(ours, 2),
        "ours_tti_s": median(ours, 4), "ours_figure_live_s": median(ours, 5),
        "naive_paint_s": median(naive_runs, 0), "naive_figures_s": median(naive_runs, 1), "naive_tti_s": median(naive_runs, 2),
        "next_lesson_s": statistics.median(first for first, _ in next_lessons),
        "next_lesson_all_s": statistics.median(every for _, every in next_lessons),
        "first_page_mb": median(ours, 3) / 1e6, "naive_page_mb": median(naive_runs, 3) / 1e6,
        "slider_p50_ms": percentile(trips, 0.5), "slider_p95_ms": percentile(trips, 0.95),
        "playground_updates_per_s": updates,
        **offline,
        **profiles,
    }
    results["first_content_s"] = max(results["ours_paint_s"], results["ours_figures_s"])
    results["tti_ratio"] = results["ours_tti_s"] / results["naive_tti_s"]
    results["same_figure_ratio"] = results["ours_figure_live_s"] / results["naive_tti_s"]
    results["next_lesson_ratio"] = results["next_lesson_s"] / results["naive_tti_s"]
    report(results)


def report(results):
    write_report(results, judge(results), ROOT / "bench")
    print((ROOT / "bench" / "RESULTS.md").read_text())


if __name__ == "__main__":
    main()
