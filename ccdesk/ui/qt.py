"""The one place ccdesk imports Qt from, so a binding or version quirk is handled once.

Names resolve on first use: PySide6 builds each class's Python enums when the class is first touched, and doing
that for every widget class at import cost a third of the start-up time. The window pays only for what it shows.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import (
        QAbstractItemModel,
        QByteArray,
        QElapsedTimer,
        QEvent,
        QModelIndex,
        QObject,
        QPoint,
        QRect,
        QRunnable,
        QSettings,
        QSize,
        QSortFilterProxyModel,
        Qt,
        QThreadPool,
        QTimer,
        QUrl,
        Signal,
        Slot,
    )
    from PySide6.QtGui import (
        QAction,
        QColor,
        QDesktopServices,
        QFont,
        QFontDatabase,
        QGuiApplication,
        QIcon,
        QIconEngine,
        QKeyEvent,
        QKeySequence,
        QMouseEvent,
        QPainter,
        QPalette,
        QPixmap,
        QShortcut,
        QStandardItem,
        QStandardItemModel,
    )
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QApplication,
        QCheckBox,
        QComboBox,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QHeaderView,
        QInputDialog,
        QLabel,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMessageBox,
        QPlainTextEdit,
        QProxyStyle,
        QPushButton,
        QRadioButton,
        QSizePolicy,
        QSpinBox,
        QSplitter,
        QStatusBar,
        QStyle,
        QStyledItemDelegate,
        QStyleOption,
        QStyleOptionViewItem,
        QTableWidget,
        QTableWidgetItem,
        QTabWidget,
        QToolButton,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )

_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")

__all__ = [
    "QAbstractItemModel",
    "QAbstractItemView",
    "QAction",
    "QApplication",
    "QByteArray",
    "QCheckBox",
    "QColor",
    "QComboBox",
    "QDesktopServices",
    "QDialog",
    "QDialogButtonBox",
    "QElapsedTimer",
    "QEvent",
    "QFileDialog",
    "QFont",
    "QFontDatabase",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QHeaderView",
    "QIcon",
    "QIconEngine",
    "QInputDialog",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLineEdit",
    "QListWidget",
    "QListWidgetItem",
    "QMainWindow",
    "QMenu",
    "QMessageBox",
    "QModelIndex",
    "QMouseEvent",
    "QObject",
    "QPainter",
    "QPalette",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QProxyStyle",
    "QPushButton",
    "QRadioButton",
    "QRect",
    "QRunnable",
    "QSettings",
    "QShortcut",
    "QSize",
    "QSizePolicy",
    "QSortFilterProxyModel",
    "QSpinBox",
    "QSplitter",
    "QStandardItem",
    "QStandardItemModel",
    "QStatusBar",
    "QStyle",
    "QStyleOption",
    "QStyleOptionViewItem",
    "QStyledItemDelegate",
    "QTabWidget",
    "QTableWidget",
    "QTableWidgetItem",
    "QThreadPool",
    "QTimer",
    "QToolButton",
    "QTreeWidget",
    "QTreeWidgetItem",
    "QUrl",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
    "qt_version",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        for module in _MODULES:
            value = getattr(import_module(module), name, None)
            if value is not None:
                globals()[name] = value  # later look-ups skip this function
                return value
    raise AttributeError(f"module 'ccdesk.ui.qt' has no attribute {name!r}")


def qt_version() -> str:
    """The Qt library version in use (for Help > About and bug reports)."""
    from PySide6.QtCore import qVersion

    return qVersion()
