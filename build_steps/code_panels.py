""""See the Python" under each figure: the source of the core functions it calls, as it is at build time.

Each figure names its core functions (`Figure.core_functions`, dlviz.edits resolves them);
the build reads their source with `inspect.getsource` and highlights it with Pygments, so
the page shows the code the figure runs, never a copy that could drift. A name that
resolves to nothing stops the build. Under a `changeable` figure the first function also
comes as plain text, for the page's editor (site/static/code.js).
"""

import inspect
from html import escape

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from build_steps import BuildError
from dlviz.edits import MAX_STATE_CHARS, TIME_LIMIT, core_function

FORMATTER = HtmlFormatter(cssclass="code-source")


def function_sources(figure_class):
    """[(qualified name, source)] for each core function `figure_class` names, in its order."""
    sources = []
    for qualified_name in figure_class.core_functions:
        try:
            function = core_function(qualified_name)
        except ValueError as error:
            raise BuildError(f"{figure_class.__name__}.core_functions: {error}") from None
        sources.append((qualified_name, inspect.getsource(function)))
    return sources


def code_panel(name, figure_class):
    """The figure's "See the Python" as HTML ("" for a figure that calls no core function)."""
    sources = function_sources(figure_class)
    if not sources:
        return ""
    parts = [
        f'<details class="figure-code" data-code="{name}"{" data-changeable" if figure_class.changeable else ""}>',
        "<summary>See the Python</summary>",
        '<p class="code-intro">The numpy this figure runs, read from the course\'s package '
        "(<code>dlviz</code>) when this page was built"
        + (", the function that carries the idea first." if len(sources) > 1 else ".") + "</p>",
    ]
    for index, (qualified_name, source) in enumerate(sources):
        module, _, function = qualified_name.rpartition(".")
        parts.append(f'<section class="code-function" data-function="{qualified_name}">')
        parts.append(f'<p class="code-name"><code>{function}</code> from <code>{module.replace(".", "/")}.py</code></p>')
        parts.append(highlight(source, PythonLexer(), FORMATTER))
        if index == 0 and figure_class.changeable:
            parts.append(editor_controls(function, source))
        parts.append("</section>")
    parts.append("</details>")
    return "\n".join(parts)


def editor_controls(function, source):
    """What code.js turns into an editor: the original text, buttons, and places for errors and numbers."""
    return (
        f'<textarea class="code-text" hidden aria-hidden="true">{escape(source)}</textarea>\n'
        '<div class="code-controls">'
        f'<p class="code-hint">Change <code>{function}</code> and run it: the figure uses your version. '
        f"A run is stopped after {TIME_LIMIT:g} seconds; an edit up to {MAX_STATE_CHARS:,} characters long "
        "is kept in the page's address, to share. In the editor, Tab indents and Esc leaves it.</p>"
        '<div class="code-buttons">'
        '<button type="button" class="code-edit">Change it</button>'
        '<button type="button" class="code-run" hidden disabled>Run (Ctrl+Enter)</button>'
        '<button type="button" class="code-reset" hidden>Reset to the original</button>'
        "</div>"
        '<p class="code-status" role="status" aria-live="polite"></p>'
        '<pre class="code-error" hidden></pre>'
        '<dl class="code-numbers" hidden><div><dt>Your version</dt><dd class="code-yours"></dd></div>'
        '<div><dt>The original</dt><dd class="code-original"></dd></div></dl>'
        "</div>"
    )


def with_code_panels(html, classes):
    """The lesson's HTML with each figure's empty code place filled in; `classes` maps names to figure classes."""
    for name, figure_class in classes.items():
        html = html.replace(f'<div class="figure-code" data-code="{name}"></div>', code_panel(name, figure_class))
    return html
