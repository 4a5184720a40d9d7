"""ccdesk: a desktop softphone controller for the 8x8 Contact Center."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ccdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
