"""Accessibility in real Chromium: axe-core on every built page, the keyboard, what screen readers hear.

axe-core (from npm, `node_modules/axe-core`) checks each page once its figures are
live, open shadow roots included (Panel and Bokeh draw inside them); a serious or
critical violation fails. No rule is excluded.
"""

import re
import time
from pathlib import Path

import pytest

from dlviz.course import available_lessons

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LESSON_PAGES = [f"{lesson.slug}.html" for lesson in available_lessons()]
PAGES = ["index.html", *LESSON_PAGES, "teachers.html", "notices.html"]

# The element that has the keyboard focus, looking inside shadow roots.
FOCUSED = """() => {
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
  return element;
}"""


def open_page(browser, page_name):
    page = browser.open(page_name)
    if page_name in LESSON_PAGES:
        browser.wait_until_live()
    return page


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:8]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_name", PAGES)
def test_axe_finds_nothing_serious_or_critical(visit, page_name):
    browser = visit(bypass_csp=True)  # the page's CSP would refuse the injected axe script
    page = open_page(browser, page_name)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{page_name}:\n{describe(serious)}"


def test_keyboard_reaches_a_figure_slider_shows_focus_moves_it_and_announces_the_change(visit):
    browser = visit()
    page = open_page(browser, "3-neural-networks.html")
    figure = "stretch_fit"  # the lesson's first figure; its first control is a slider
    handle = page.locator(f"#figure-{figure} .noUi-handle").first
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"(handle) => ({FOCUSED})() === handle", handle.element_handle()):
            break
    else:
        pytest.fail(f"Tab never reached {figure}'s slider; it stopped at {page.evaluate(f'() => ({FOCUSED})().outerHTML')[:200]}")

    style = handle.evaluate("(e) => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
    outline_style, outline_width, box_shadow = style
    assert (outline_style != "none" and outline_width != "0px") or box_shadow != "none", style
    assert handle.get_attribute("aria-label") == "Stretch x towards √x"

    now = page.locator(f"#figure-{figure}-now")
    before = browser.readout(figure)
    assert now.text_content() == before, "the live region says what the figure shows before any change"
    changes = page.evaluate("window.course.changes")
    page.keyboard.press("ArrowRight")
    browser.wait_for_readout_change(figure, before, changes)
    after = browser.readout(figure)
    deadline = time.monotonic() + 5
    while now.text_content() != after and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert now.text_content() == after
    assert now.get_attribute("aria-live") == "polite"
    assert re.search(r"\S", after)
    assert browser.errors == []


SLIDERS = """(figure) => {
  const found = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.classList.contains("noUi-handle")) {
        const shown = element.getRootNode().querySelector(".bk-slider-value");
        found.push([element.getAttribute("aria-label"), element.getAttribute("aria-valuetext"), shown.textContent.trim()]);
      }
    }
  };
  walk(figure);
  return found;
}"""


def test_every_sliders_handle_says_the_value_its_label_shows_at_its_precision(visit):
    browser = visit()
    page = open_page(browser, "4-how-networks-learn.html")
    sliders = page.locator("figure.course-figure").evaluate_all(f"(figures) => figures.flatMap({SLIDERS})")
    assert len(sliders) >= 8
    for label, said, shown in sliders:
        assert said == shown, f"{label}: a screen reader hears {said!r} where the slider shows {shown!r}"
    assert ["Learning rate", "0.030", "0.030"] in [list(s) for s in sliders]  # noUiSlider alone said "0.03"

    handle = page.locator("#figure-momentum .noUi-handle").nth(1)  # the learning rate: three decimals
    before, changes = browser.readout("momentum"), page.evaluate("window.course.changes")
    handle.focus()
    page.keyboard.press("ArrowRight")
    browser.wait_for_readout_change("momentum", before, changes)
    (_, said, shown), = [s for s in page.locator("#figure-momentum").evaluate(SLIDERS) if s[0] == "Learning rate (both)"]
    assert said == shown and shown != "0.038" and len(shown.split(".")[1]) == 3, (said, shown)
    assert browser.errors == []


def test_while_the_playground_plays_its_live_region_speaks_at_a_readers_pace_and_ends_on_what_the_screen_says(visit):
    browser = visit()
    page = open_page(browser, "5-playground.html")
    page.evaluate("""() => {
      window.said = [];
      new MutationObserver(() => said.push(performance.now()))
        .observe(document.getElementById("figure-playground-now"), { childList: true, characterData: true, subtree: true });
    }""")
    figure = page.locator("#figure-playground")
    figure.locator("button", has_text="Play").first.click()
    page.wait_for_timeout(7000)
    figure.locator("button", has_text="Pause").first.click()
    page.wait_for_timeout(2500)  # the last change is said within the pace of 2 s
    said = page.evaluate("said")
    assert len(said) >= 3, "the read-out changed while it played, and was said"
    gaps = [later - earlier for earlier, later in zip(said, said[1:])]
    assert min(gaps) >= 1900, f"announcements {gaps} ms apart: faster than a listener can follow"
    assert page.locator("#figure-playground-now").text_content() == browser.readout("playground")
    assert browser.errors == []
