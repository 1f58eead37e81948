"""The build's steps, run by build.py in order: one module per step, and what they share.

Everything here runs at build time, in CPython (and Node for byte-compiling); none of it
is shipped to the browser. Imports go one way: build.py imports the steps, and the steps
import `runtime` (the facts about the browser's runtime) and the course's package.
"""


class BuildError(Exception):
    """A step could not finish; the message says which file and why."""
