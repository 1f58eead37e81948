"""Developer helpers: the local server, a screenshot of a built page, and Chromium for both.

Nothing here is part of the build or the site; the tests and the benchmark use the server
and Chromium too.
"""
