"""`python -m dlviz serve`: author mode (see dlviz.author)."""

from dlviz.author import main

main()
