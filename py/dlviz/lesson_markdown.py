"""The lesson format: Markdown with `::: figure NAME` blocks and ```quiz fences.

One parser for every place a lesson is shown: the build's pages (HTML, quizzes as
forms), the notebooks and author mode (the text cut at figures and quizzes). The
text is CommonMark with tables, raw HTML and heading anchors; a figure block's body
is the figure's caption:

    ::: figure polynomial_fit
    Move the degree: the training error keeps falling, the held-out error does not.
    :::

A quiz fence holds the question, then one option a line (`+ right :: why`,
`- wrong :: why not`), one number (`= value ~ tolerance :: worked solution`) or the
states of a figure it accepts (`@ figure learning_rate>=1 & momentum=0.9 :: solution`),
and a hint (`? hint`) for a wrong answer. A try-this block is a button that sets a
figure's state (its parameters in their link form) and says what to look for:

    ::: try polynomial_fit degree=9&noise=0.5
    The curve passes through every point and swings wildly between them.
    :::

See docs/authoring.md.
"""

import json
import re
from urllib.parse import unquote_plus

import param
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin

from dlviz import state
from dlviz.course import figure_classes, lesson_text

FIGURE_BLOCK = re.compile(r"^figure\s+([a-z][a-z0-9_]*)\s*$")
TRY_BLOCK = re.compile(r"^try\s+([a-z][a-z0-9_]*)\s+(\S+)\s*$")
CONDITION = re.compile(r"^([a-z][a-z0-9_]*)\s*(<=|>=|=|<|>)\s*(\S+)$")
WORDS = {"=": "", "<=": "at most ", ">=": "at least ", "<": "below ", ">": "above "}
ANSWER_LENGTH = 32
"""The longest typed answer a numeric question takes (the page keeps it, an LMS stores it)."""


def markdown_renderer():
    """CommonMark with tables, heading anchors, `::: figure NAME` blocks and ```quiz fences."""
    renderer = MarkdownIt("commonmark", {"html": True, "typographer": True})
    renderer.add_render_rule("fence", render_fence)
    renderer.enable(["table", "strikethrough"])
    renderer.use(anchors_plugin, min_level=2, max_level=3)
    renderer.use(
        container_plugin,
        "figure",
        validate=lambda params, *_: bool(FIGURE_BLOCK.match(params.strip())),
        render=render_figure_block,
    )
    renderer.use(container_plugin, "try", validate=lambda params, *_: bool(TRY_BLOCK.match(params.strip())),
                 render=render_try_block)
    return renderer


def try_query(name, pairs):
    """A try block's `degree=9&noise=0.5` as figure `name`'s query-string pairs."""
    return "&".join(f"{name}.{pair}" for pair in pairs.split("&"))


def render_try_block(renderer, tokens, index, options, env):
    """A button that sets a figure to a state (state.js's course.state.request), then what to look for."""
    token = tokens[index]
    if token.nesting == 1:
        name, pairs = TRY_BLOCK.match(token.info.strip()).groups()
        if "classes" in env:  # the build: every pair must be one the figure takes
            read = state.read(name, lesson_class(name, env), try_query(name, pairs))
            if len(read) != len(pairs.split("&")):
                raise ValueError(f"try {name} {pairs}: the figure takes only {read} of it")
        env.setdefault("tries", []).append((name, try_query(name, pairs)))
        number = len(env["tries"])
        look = f"{env.get('slug', 'lesson')}-try{number}"
        return (
            f'<div class="try-this" data-figure="{name}" data-query="{escape_attribute(try_query(name, pairs))}">\n'
            f'<button type="button" class="try-button" aria-describedby="{look}">Try this</button>\n'
            f'<div class="try-look" id="{look}">'
        )
    return "</div>\n</div>\n"


def render_figure_block(renderer, tokens, index, options, env):
    """A figure's place in the page: an empty root the page draws into, its live read-out, its caption."""
    token = tokens[index]
    if token.nesting == 1:
        name = FIGURE_BLOCK.match(token.info.strip()).group(1)
        env.setdefault("figures", []).append(name)
        return (
            f'<figure class="course-figure" data-figure="{name}" aria-describedby="figure-{name}-now">\n'
            f'<div class="figure-root" id="figure-{name}"></div>\n'
            f'<p class="visually-hidden figure-now" id="figure-{name}-now" aria-live="polite"></p>\n<figcaption>'
        )
    # The build fills this in with the Python the figure runs (build_steps/code_panels.py).
    return f'</figcaption>\n<div class="figure-code" data-code="{env["figures"][-1]}"></div>\n</figure>\n'


def render_fence(renderer, tokens, index, options, env):
    """A ```quiz fence as a quiz form; any other fence as code."""
    token = tokens[index]
    if token.info.strip() == "quiz":
        quiz = parse_quiz(token.content)
        if quiz["figure"]:
            quiz["figure"] = checked_figure_answer(quiz["figure"], env)
        env["quizzes"] = env.get("quizzes", 0) + 1
        return quiz_html(quiz, f"{env.get('slug', 'quiz')}-q{env['quizzes']}")
    return type(renderer).fence(renderer, tokens, index, options, env)


VERDICT = re.compile(r"^(yes|no|right|wrong|correct|incorrect|not quite)\b", re.IGNORECASE)
"""Words of a verdict: the page says "Right." or "Not quite." itself, so feedback never starts with one."""


def parse_quiz(text):
    """A quiz block: question lines, then `+ right :: why`, `- wrong :: why not` or `= value ~ tolerance :: solution`,
    and `? hint`. The right answer needs its solution and the quiz its hint; feedback never opens with a verdict."""
    question, options, numeric, hint, figure = [], [], None, "", None
    for line in text.strip().splitlines():
        marker, rest = line[:1], line[1:].strip()
        answer, _, feedback = rest.partition("::")
        if marker in "+-" and rest:
            options.append({"text": answer.strip(), "correct": marker == "+", "feedback": feedback.strip()})
        elif marker == "=":
            value, _, tolerance = answer.partition("~")
            numeric = {"value": float(value), "tolerance": float(tolerance or 0), "feedback": feedback.strip()}
        elif marker == "@":
            name, _, conditions = answer.strip().partition(" ")
            figure = {"figure": name, "accept": [condition(text) for text in conditions.split("&")],
                      "feedback": feedback.strip()}
        elif marker == "?" and rest:
            hint = rest
        elif not options and numeric is None and figure is None and not hint:
            question.append(line)
        else:
            raise ValueError(f"quiz line not understood: {line!r}")
    answers = [numeric] if numeric else [figure] if figure else options
    right = [answer for answer in answers if answer is numeric or answer is figure or answer["correct"]]
    if not question or not right or sum(map(bool, (options, numeric, figure))) != 1:
        raise ValueError(f"a quiz needs a question and a right answer: choices, a number or a figure's state:\n{text}")
    if not all(answer["feedback"] for answer in right) or not hint:
        raise ValueError(f"a quiz needs the right answer's solution (after ::) and a hint (a `?` line):\n{text}")
    if any(VERDICT.match(said) for said in [hint, *(answer["feedback"] for answer in answers)]):
        raise ValueError(f"feedback and hints leave the verdict (Right, Not quite) to the page:\n{text}")
    return {"question": " ".join(question), "options": options, "numeric": numeric, "figure": figure, "hint": hint}


def condition(text):
    """`learning_rate>=1` or `activation=relu|tanh` (any of them) as {"parameter", "op", "texts"}."""
    match = CONDITION.match(text.strip())
    if not match:
        raise ValueError(f"a figure's condition is PARAMETER=TEXT (or |-separated texts), <=, >=, < or > NUMBER: {text!r}")
    parameter, op, texts = match.groups()
    return {"parameter": parameter, "op": op, "texts": [unquote_plus(item) for item in texts.split("|")]}


def checked_condition(cls, name, rule):
    """`rule` with its texts as the figure's link writes them; ValueError if figure `name` (a `cls`) cannot meet it."""
    parameter = cls.param[rule["parameter"]] if rule["parameter"] in state.state_names(cls) else None
    if parameter is None:
        raise ValueError(f"{name} has no state parameter {rule['parameter']!r}")
    numeric = isinstance(parameter, param.Number) or (
        isinstance(parameter, param.Selector) and all(isinstance(choice, (int, float)) for choice in parameter.objects))
    if rule["op"] != "=" and not numeric:
        raise ValueError(f"{name}.{rule['parameter']} is not a number: only = compares it")
    texts = [state.value_text(parameter, state.text_value(parameter, text)) for text in rule["texts"]]
    return {**rule, "texts": texts}


def lesson_class(name, env):
    """The class of the lesson's figure `name` (env["classes"]); ValueError when the lesson has none of that name."""
    classes = env.get("classes", {})
    if name not in classes:
        raise ValueError(f"{env.get('slug', 'this lesson')} has no figure {name!r} (it has {', '.join(classes)})")
    return classes[name]


def checked_figure_answer(figure, env):
    """A figure question's answer, its texts as the figure's link writes them and the defaults of what it reads."""
    cls = lesson_class(figure["figure"], env)
    accept = [checked_condition(cls, figure["figure"], rule) for rule in figure["accept"]]
    defaults = {rule["parameter"]: state.value_text(cls.param[rule["parameter"]], cls.param[rule["parameter"]].default)
                for rule in accept}
    return {**figure, "accept": accept, "defaults": defaults}


def condition_words(rule):
    """A condition as words: "learning rate at least 1", "activation relu or tanh"."""
    return f"{rule['parameter'].replace('_', ' ')} {WORDS[rule['op']]}{' or '.join(rule['texts'])}"


def quiz_html(quiz, quiz_id):
    """A check-your-understanding form; the page's quizzes.js checks it and remembers the answer.

    Each answer carries its feedback (data-feedback: why, or why not) and the form its hint (data-hint)."""
    inline = MarkdownIt("commonmark", {"typographer": True}).renderInline
    parts = [
        f'<form class="quiz" data-quiz="{quiz_id}" data-hint="{escape_attribute(inline(quiz["hint"]))}" '
        f'aria-labelledby="{quiz_id}-question">',
        '<p class="quiz-label">Check your understanding</p>',
        f'<p class="quiz-question" id="{quiz_id}-question">{inline(quiz["question"])}</p>',
    ]
    if quiz["figure"]:
        figure = quiz["figure"]
        answer = ", ".join(condition_words(rule) for rule in figure["accept"])
        parts.append(
            f'<p class="quiz-figure-task" data-figure="{figure["figure"]}" '
            f'data-accept="{escape_attribute(json.dumps(figure["accept"]))}" '
            f'data-defaults="{escape_attribute(json.dumps(figure.get("defaults", {})))}" '
            f'data-answer="{escape_attribute(answer)}" data-feedback="{escape_attribute(inline(figure["feedback"]))}">'
            f'Set the figure above, then press Check: it reads the figure as it is.</p>'
        )
    elif quiz["numeric"]:
        numeric = quiz["numeric"]
        parts.append(
            f'<label class="quiz-number">Your answer <input type="text" inputmode="decimal" name="{quiz_id}" '
            f'data-value="{numeric["value"]!r}" data-tolerance="{numeric["tolerance"]!r}" '
            f'data-feedback="{escape_attribute(inline(numeric["feedback"]))}" maxlength="{ANSWER_LENGTH}" autocomplete="off"></label>'
        )
    else:
        parts.append('<fieldset><legend class="visually-hidden">Choose an answer</legend>')
        for number, option in enumerate(quiz["options"]):
            parts.append(
                f'<label class="quiz-option"><input type="radio" name="{quiz_id}" value="{number}" '
                f'data-correct="{str(option["correct"]).lower()}" '
                f'data-feedback="{escape_attribute(inline(option["feedback"]))}"> '
                f'<span>{inline(option["text"])}</span></label>'
            )
        parts.append("</fieldset>")
    parts.append('<p class="quiz-actions"><button type="submit">Check</button> '
                 '<button type="button" class="quiz-show" hidden>Show the answer</button></p>')
    parts.append('<div class="quiz-feedback" role="status" aria-live="polite"></div>')
    parts.append("</form>")
    return "\n".join(parts) + "\n"


def escape_attribute(html):
    return html.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def quiz_answers(quiz):
    """A quiz's right answers as (answer, worked solution) Markdown pairs: the answer key."""
    if quiz["figure"]:
        return [(", ".join(condition_words(rule) for rule in quiz["figure"]["accept"]), quiz["figure"]["feedback"])]
    if quiz["numeric"]:
        numeric = quiz["numeric"]
        margin = f" (give or take {numeric['tolerance']:g})" if numeric["tolerance"] else ""
        return [(f"{numeric['value']:g}{margin}", numeric["feedback"])]
    return [(option["text"], option["feedback"]) for option in quiz["options"] if option["correct"]]


def quiz_markdown(quiz):
    """A quiz as Markdown: the question, the options as a list, then the hint and the answer with its solution, each behind a reveal."""
    parts = [f"**Check your understanding.** {quiz['question']}"]
    if quiz["options"]:
        parts.append("\n".join(f"- {option['text']}" for option in quiz["options"]))
    answers = [f"**{answer}.** {why}" for answer, why in quiz_answers(quiz)]
    parts += ["<details><summary>Hint</summary>", quiz["hint"], "</details>"]
    parts += ["<details><summary>Show answer</summary>", *answers, "</details>"]
    return "\n\n".join(parts)


def lesson_html(lesson):
    """The lesson's text as HTML, the figure names it places, and its question ids, in order."""
    env = {"slug": lesson.slug, "classes": figure_classes(lesson)}
    html = markdown_renderer().render(lesson_text(lesson), env)
    return html, env.get("figures", []), [f"{lesson.slug}-q{n}" for n in range(1, env.get("quizzes", 0) + 1)]


def lesson_parts(text):
    """The text cut at its figures and quizzes, in order: ("markdown", source), ("figure", name, caption)
    and ("quiz", parsed quiz) parts. The Markdown between them is kept as written, a try block as the settings
    it makes in words; blank parts are left out."""
    lines = text.splitlines()
    parts, position = [], 0

    def markdown(end):
        source = "\n".join(lines[position:end]).strip()
        return [("markdown", source)] if source else []

    for token in top_level_tokens(text):
        if token.type == "container_figure_open":
            start, closing = token.map  # the container's map stops at its closing `:::` line
            parts += markdown(start)
            name = FIGURE_BLOCK.match(token.info.strip()).group(1)
            parts.append(("figure", name, " ".join(lines[start + 1:closing]).strip()))
            position = closing + 1
        elif token.type == "container_try_open":
            start, closing = token.map
            parts += markdown(start)
            name, pairs = TRY_BLOCK.match(token.info.strip()).groups()
            settings = ", ".join(f"`{unquote_plus(pair)}`" for pair in pairs.split("&"))
            look = " ".join(lines[start + 1:closing]).strip()
            parts.append(("markdown", f"**Try this** on `{name}`: set {settings}. {look}"))
            position = closing + 1
        elif token.type == "fence" and token.info.strip() == "quiz":
            parts += markdown(token.map[0])
            parts.append(("quiz", parse_quiz(token.content)))
            position = token.map[1]
    return parts + markdown(len(lines))


def without_title(text):
    """The text without its leading `# Title` line(s), if it has one."""
    tokens = top_level_tokens(text)
    if tokens and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        return "\n".join(text.splitlines()[tokens[0].map[1]:])
    return text


def top_level_tokens(text):
    return [token for token in markdown_renderer().parse(text) if token.level == 0]
