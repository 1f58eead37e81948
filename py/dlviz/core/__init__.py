"""The course's math: datasets, networks, losses, optimisers, landscapes.

Numpy only, no UI imports: figures build on these functions, never the reverse.
"""
