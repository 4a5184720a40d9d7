"""The one place ccdesk imports Qt from, so a binding or version quirk is handled once."""

from PySide6.QtCore import (
    QByteArray,
    QElapsedTimer,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
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
    qVersion,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
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
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStatusBar,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemView", "QAction", "QApplication", "QByteArray", "QCheckBox", "QColor", "QComboBox",
    "QDesktopServices", "QDialog", "QDialogButtonBox", "QElapsedTimer", "QEvent", "QFileDialog", "QFont",
    "QFormLayout", "QFrame", "QGridLayout", "QGroupBox", "QGuiApplication", "QHBoxLayout", "QHeaderView",
    "QIcon", "QInputDialog", "QKeySequence", "QLabel", "QLineEdit", "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu",
    "QMessageBox", "QModelIndex", "QObject", "QPainter", "QPalette", "QPixmap", "QPlainTextEdit", "QPoint",
    "QPushButton", "QRadioButton", "QRunnable", "QSettings", "QShortcut", "QSize", "QSizePolicy",
    "QSortFilterProxyModel", "QSpinBox", "QSplitter", "QStandardItem", "QStandardItemModel", "QStatusBar",
    "QStyle", "QTabWidget", "QTableWidget", "QTableWidgetItem", "QThreadPool", "QTimer", "QToolButton",
    "QTreeWidget", "QTreeWidgetItem", "QUrl", "QVBoxLayout", "QWidget", "Qt", "Signal", "Slot", "qt_version",
]

# Appended for ccdesk.ui.codes_picker (radio-looking check indicators, whole-row toggling, key handling).
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QProxyStyle, QStyledItemDelegate, QStyleOption, QStyleOptionViewItem

__all__ += [
    "QAbstractItemModel", "QKeyEvent", "QMouseEvent", "QProxyStyle", "QStyleOption", "QStyleOptionViewItem",
    "QStyledItemDelegate",
]


def qt_version() -> str:
    """The Qt library version in use (for Help > About and bug reports)."""
    return qVersion()
