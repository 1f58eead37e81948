"""The worker's start, after Python itself: import what the figures need, in steps a learner can follow.

Importing numpy, Bokeh and Panel takes seconds in a browser (about 2.5 s of a cold start on the
benchmark's 2-core machine, bench/NOTES.md). site/static/worker.js calls `import_for_figures` with its
progress callback, so the status names each step and counts the modules imported so far, a few
times a second, instead of sitting on one line for all of it.
"""

import importlib
import sys
import time

# What the live figures need, in the order they import it, each with the name the status gives it.
STEPS = [("numpy", "numpy"), ("bokeh.models", "Bokeh"), ("panel", "Panel"), ("dlviz.worker", "the figures")]
REPORT_EVERY_S = 0.2


class _Ticker:
    """A finder that finds nothing: Python asks it first for every module it imports, so it can
    report how many modules are in by now (at most every REPORT_EVERY_S)."""

    def __init__(self, report):
        self.report, self.step, self.reported = report, 0, 0.0
        self.before = len(sys.modules)

    def tell(self):
        self.reported = time.monotonic()
        self.report(self.step, STEPS[self.step][1], len(sys.modules) - self.before)

    def find_spec(self, name, path=None, target=None):
        if time.monotonic() - self.reported >= REPORT_EVERY_S:
            self.tell()
        return None


def import_for_figures(report):
    """Import each of STEPS; `report(step, name, modules)` (step: its index in STEPS; modules: how many
    modules this start has imported so far) as each step begins, and every REPORT_EVERY_S during it."""
    ticker = _Ticker(report)
    sys.meta_path.insert(0, ticker)
    try:
        for step, (module, _) in enumerate(STEPS):
            ticker.step = step
            ticker.tell()
            importlib.import_module(module)
    finally:
        sys.meta_path.remove(ticker)
