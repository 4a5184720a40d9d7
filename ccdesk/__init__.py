"""ccdesk: a desktop softphone controller for the 8x8 Contact Center."""

#: The one place the version lives: pyproject reads it (dynamic version), the installers take it from the
#: package metadata, and the window and User-Agent show it without the cost of importlib.metadata at start-up.
__version__ = "0.1.0"
