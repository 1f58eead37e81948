"""The course's interactive figures: one module per lesson, each with a FIGURES dict.

A figure is a small `param.Parameterized` class (see `figure.Figure`): its
parameters are its state, its `__panel__` lays out controls and plots, and its
updates change Bokeh data sources rather than rebuild plots. Figure modules
import only numpy, panel, bokeh, param, `dlviz.core` and `dlviz.state`, so they run unchanged
in CPython (author mode, build) and in Pyodide (the browser).
"""
