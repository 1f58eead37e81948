"""Print: every lesson prints (Chromium's print to PDF) with every figure's picture and no controls;
the questions' answers print only when the page was opened as a teacher (?teacher)."""

import re

from dlviz.course import available_lessons, figure_classes

# Anything a learner could operate, found through every shadow root; its box, where it shows.
SHOWN_CONTROLS = """(root) => {
  const found = [];
  const walk = (node) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches('input, select, textarea, button, [role=slider], .noUi-target, .bk-Toolbar')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden') {
          found.push(element.tagName + '.' + element.className);
        }
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return found;
}"""
SHOWN_CANVASES = """(root) => {
  let count = 0;
  const walk = (node) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.tagName === 'CANVAS') {
        const box = element.getBoundingClientRect();
        if (box.width > 20 && box.height > 20) count += 1;
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return count;
}"""


def pdf_pages_and_images(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)), len(re.findall(rb"/Subtype\s*/Image", pdf))


def test_every_lesson_prints_its_figures_pictures_and_no_controls(visit):
    browser = visit()
    page = browser.page
    for lesson in available_lessons():
        browser.open(f"{lesson.slug}.html")
        page.wait_for_selector("body.figures-drawn", state="attached", timeout=120_000)
        page.emulate_media(media="print")
        figures = list(figure_classes(lesson))
        for name in figures:
            root = page.locator(f"#figure-{name}")
            assert root.evaluate(SHOWN_CONTROLS) == [], f"{lesson.slug}: {name} prints controls"
            assert root.evaluate(SHOWN_CANVASES) >= 1, f"{lesson.slug}: {name} prints no picture"
        article = page.locator("main")
        assert [c for c in article.evaluate(SHOWN_CONTROLS)] == [], f"{lesson.slug}: the page prints controls"
        assert page.locator(".quiz-key").count() == 0  # a learner's print: no answers
        pages, images = pdf_pages_and_images(page.pdf(format="A4"))
        assert pages >= 2 and images >= len(figures), (lesson.slug, pages, images)
        page.emulate_media(media="screen")
    assert browser.errors == []


def test_a_teachers_print_holds_every_answer_and_its_solution(visit):
    browser = visit()
    page = browser.open("2-fundamentals-of-learning.html?teacher")
    page.wait_for_selector("body.figures-drawn", state="attached", timeout=120_000)
    quizzes = page.locator("form.quiz").count()
    assert quizzes >= 3 and page.locator(".quiz-key").count() == quizzes
    assert not page.locator(".quiz-key").first.is_visible()  # on screen it stays hidden
    page.emulate_media(media="print")
    keys = page.locator(".quiz-key")
    assert all(keys.nth(i).is_visible() for i in range(quizzes))
    assert keys.first.inner_text().startswith("Answer: ")
    assert any(text.startswith("Answer: degree 10. At degree 10 the training error is 0.497")
               for text in keys.all_inner_texts())  # the question that reads the figure
    assert browser.errors == []


def test_embed_boxes_show_only_to_a_teacher(visit):
    browser = visit()
    page = browser.open("2-fundamentals-of-learning.html")
    page.wait_for_selector("figure.course-figure .embed-snippet", state="attached")
    assert page.locator(".embed-snippet").count() == page.locator("figure.course-figure").count()
    assert not any(page.locator(".embed-snippet").nth(i).is_visible() for i in range(page.locator(".embed-snippet").count()))
    page = browser.open("2-fundamentals-of-learning.html?teacher")
    page.wait_for_selector("figure.course-figure .embed-snippet", state="attached")
    assert page.locator(".embed-snippet").first.is_visible()
    page = browser.open("3-neural-networks.html")  # the switch lasts for the tab's visit
    page.wait_for_selector("figure.course-figure .embed-snippet", state="attached")
    assert page.locator(".embed-snippet").first.is_visible()
    page = browser.open("3-neural-networks.html?teacher=off")
    page.wait_for_selector("figure.course-figure .embed-snippet", state="attached")
    assert not page.locator(".embed-snippet").first.is_visible()
