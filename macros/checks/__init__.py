"""Content checks run by `make check` beside the tests: copying, readability and more."""
