"""The style's pixmap cache is held to what one window shows (tests/benchmarks/soak.py measures the memory)."""

from __future__ import annotations

from ccdesk.ui.qt import QApplication, QPixmapCache
from ccdesk.ui.theme import STYLE_PIXMAP_CACHE_KIB, apply_theme


def test_theming_the_application_bounds_qt_s_pixmap_cache(qapp: QApplication) -> None:
    QPixmapCache.setCacheLimit(10240)  # Qt's default: a shift's churn filled all of it
    apply_theme(qapp, "light")
    assert QPixmapCache.cacheLimit() == STYLE_PIXMAP_CACHE_KIB < 10240
