"""The learner's own version of a core function: run in place of the original, under a time limit.

A figure names the core functions it calls (`Figure.core_functions`, the one that carries the
idea first); when it is `changeable`, the learner may rewrite that first one in the page.
`change` compiles their text and swaps its code into the original function object, so every
caller (a figure, another core function, a table of optimisers) runs it; the figure is then
redrawn, and if anything fails the last version that worked comes back. `Edit.original`
gives the same figure's read-out from the original code, to show beside the learner's.

Every loop and every call of the learner's function is limited to TIME_LIMIT seconds: past
that it raises TimeoutError (an endless loop stops; the page's watchdog restarts the
worker for what this cannot stop, such as one numpy call that never ends).
"""

import ast
import importlib
import linecache
import time
import traceback
import types
from contextlib import contextmanager

TIME_LIMIT = 2.0
"""Seconds a call of the learner's function may run."""

YOUR_CODE = "<your code>"
"""The file name Python gives the learner's code in its messages."""

MAX_STATE_CHARS = 1500
"""The longest edit kept in a figure's link; longer ones stay in the page only."""


def core_function(qualified_name):
    """The function `qualified_name` ("dlviz.core.module.function") names; ValueError if there is none."""
    module_name, _, name = qualified_name.rpartition(".")
    try:
        function = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError):
        raise ValueError(f"{qualified_name} names no function of the course's core") from None
    if not isinstance(function, types.FunctionType):
        raise ValueError(f"{qualified_name} is not a Python function")
    return function


class _Deadline:
    """The time the learner's outermost running call must end by; None when none runs."""

    end = None


@contextmanager
def _time_limit():
    """Start the clock if no call of the learner's code is running yet; stop it when that call ends."""
    outermost = _Deadline.end is None
    if outermost:
        _Deadline.end = time.monotonic() + TIME_LIMIT
    try:
        _check_time()
        yield
    finally:
        if outermost:
            _Deadline.end = None


def _check_time():
    if _Deadline.end is not None and time.monotonic() > _Deadline.end:
        raise TimeoutError(f"your code ran for more than {TIME_LIMIT:g} seconds and was stopped")


LIMIT_NAME, CHECK_NAME = "__course_time_limit__", "__course_check_time__"


class _Limited(ast.NodeTransformer):
    """Wrap the function's body in the time limit and check the clock at the top of every loop."""

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        limit = ast.With(items=[ast.withitem(ast.Call(ast.Name(LIMIT_NAME, ast.Load()), [], []))], body=node.body)
        node.body = [ast.copy_location(limit, node.body[0])]
        return node

    def _loop(self, node):
        self.generic_visit(node)
        check = ast.Expr(ast.Call(ast.Name(CHECK_NAME, ast.Load()), [], []))
        node.body.insert(0, ast.copy_location(check, node.body[0]))
        return node

    visit_For = visit_While = _loop


def compiled(original, source):
    """The learner's `source`, which must define a function named as `original`, compiled in the original's
    module: the new function. SyntaxError, or ValueError when it defines no such function."""
    linecache.cache[YOUR_CODE] = (len(source), None, source.splitlines(True), YOUR_CODE)
    tree = ast.fix_missing_locations(_Limited().visit(ast.parse(source, YOUR_CODE)))
    namespace = dict(original.__globals__)
    namespace.pop(original.__name__, None)
    exec(compile(tree, YOUR_CODE, "exec"), namespace)
    function = namespace.get(original.__name__)
    if not isinstance(function, types.FunctionType):
        raise ValueError(f"your code must define the function {original.__name__}")
    if function.__code__.co_freevars:
        raise ValueError(f"{original.__name__} must be defined at the top level of your code")
    return function


class Edit:
    """A figure's changeable core function and the learner's version of it, if any."""

    def __init__(self, figure):
        self.figure = figure
        self.function = core_function(type(figure).core_functions[0])
        self.original = self._code_of(self.function)
        self.source = None  # the learner's text now running, None for the original

    @staticmethod
    def _code_of(function):
        return function.__code__, function.__defaults__, function.__kwdefaults__

    def _use(self, code):
        self.function.__code__, self.function.__defaults__, self.function.__kwdefaults__ = code
        self.function.__globals__.update({LIMIT_NAME: _time_limit, CHECK_NAME: _check_time})

    def change(self, source):
        """Run the figure with `source` (None: the original) in place of the function. Returns
        {"error": Python's message or None, "yours": read-out, "original": read-out, "source": text now running}.
        On an error the version that ran before stays."""
        before = self._code_of(self.function), self.source
        try:
            code = self.original if source is None else self._code_of(compiled(self.function, source))
            self._use(code)
            redraw(self.figure)
        except Exception as error:  # the learner's code may raise anything: Python's message goes to them
            self._use(before[0])
            redraw(self.figure)
            return {"error": python_message(error), **self.readouts()}
        self.source = source
        return {"error": None, **self.readouts()}

    def readouts(self):
        """The figure's read-out as it is, and that of the same figure with the original function."""
        yours = self.figure.readout_text()
        if self.source is None:
            return {"yours": yours, "original": yours, "source": None}
        running = self._code_of(self.function)
        self._use(self.original)
        try:
            original = type(self.figure)(**self.figure.state()).readout_text()
        finally:
            self._use(running)
        return {"yours": yours, "original": original, "source": self.source}

    def undo(self):
        """Put the original function back (the figure is not redrawn)."""
        self._use(self.original)
        self.source = None


def redraw(figure):
    """Recompute the figure from its state, as its parameters' watchers do."""
    names = list(figure.state())
    if names:
        figure.param.trigger(*names)


def python_message(error):
    """The error as Python shows it, from the learner's code on: their frames and the last line."""
    frames = traceback.extract_tb(error.__traceback__)
    theirs = [frame for frame in frames if frame.filename == YOUR_CODE]
    lines = []
    if theirs:
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.format_list(theirs)
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines).rstrip()
