"""What a learner keeps: answers and progress across reloads; embedding a lesson or a figure."""

LESSON = "2-fundamentals-of-learning"
FIGURE = "polynomial_fit"


def test_answers_and_progress_survive_a_reload_and_can_be_reset(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    quiz = page.locator("form.quiz").first
    quiz.locator("input[data-correct=true]").first.check()
    quiz.locator("button[type=submit]").click()
    assert "Right." in quiz.locator(".quiz-feedback").inner_text()
    page.reload()
    quiz = page.locator("form.quiz").first
    assert quiz.locator("input[data-correct=true]").first.is_checked()
    assert "Right." in quiz.locator(".quiz-feedback").inner_text()
    page.goto(browser.base_url + "index.html")
    card = page.locator(f'[data-lesson-card="{LESSON}"] .card-progress')
    assert card.inner_text().startswith("Visited · 1 of")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#reset-progress").click()
    assert card.inner_text() == "Not started"


def test_a_wrong_or_empty_answer_gets_feedback_not_a_score(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    quiz = page.locator("form.quiz").first
    quiz.locator("button[type=submit]").click()
    assert "Choose an answer" in quiz.locator(".quiz-feedback").inner_text()
    quiz.locator("input[data-correct=false]").first.check()
    quiz.locator("button[type=submit]").click()
    assert "Not quite." in quiz.locator(".quiz-feedback").inner_text()


def test_embedded_figure_shows_only_itself_and_sizes_its_iframe(visit, site_url):
    browser = visit()
    page = browser.page
    page.set_content(
        f'<script src="{site_url}static/embed-host.js"></script>'
        f'<iframe src="{site_url}{LESSON}.html?embed&figure={FIGURE}" data-dlviz-embed '
        'style="width:900px;height:620px;border:0"></iframe>'
    )
    frame = page.frame_locator("iframe")
    frame.locator("body.figures-drawn").wait_for(state="attached", timeout=30_000)
    assert frame.locator(".site-header").is_hidden()
    assert frame.locator(f'figure[data-figure="{FIGURE}"]').is_visible()
    assert frame.locator("main h1").is_hidden()
    page.wait_for_function("document.querySelector('iframe').style.height !== '620px'", timeout=30_000)
    height = page.evaluate("parseInt(document.querySelector('iframe').style.height)")
    inner = frame.locator("body").evaluate("(e) => e.getBoundingClientRect().height")
    assert abs(height - inner) <= 2
