"""The pack reader's controls: the item row (previous, next, the item shown), the page row
(the page shown, Find, zoom, fit width, copy, highlight) and the bar that asks for a
highlight's comment.

A part of ``PackReader`` (a mixin, as ``reader_find`` is): the controls are built
here and kept on the reader (``reader.find_edit``, ``reader.zoom_in_button`` ...),
whose methods they call; ``pack_reader`` lays them out.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QToolButton, QWidget

from panelbook.ui.common.icons import icon
from panelbook.ui.common.word_label import WordElidedLabel


def tool_button(name: str, text: str, tip: str) -> QToolButton:
    """A flat tool button with an icon, its words for screen readers, and a tooltip."""
    button = QToolButton()
    button.setIcon(icon(name))
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setAutoRaise(True)
    return button


class ReaderControls:
    """The reader's rows of controls; mixed into PackReader, whose slots they call."""

    previous_item: Callable[[], None]
    next_item: Callable[[], None]
    find_later: Callable[[], None]
    next_found: Callable[[], None]
    zoom_in: Callable[[], None]
    zoom_out: Callable[[], None]
    fit_width: Callable[[], None]
    copy_text: Callable[[], None]
    start_highlight: Callable[[], None]
    save_highlight: Callable[[], None]
    cancel_highlight: Callable[[], None]

    def _build_item_row(self) -> QHBoxLayout:
        """Previous item, next item (Alt+Up, Alt+Down) and the item whose pages are shown."""
        self.previous_button = tool_button("previous", "Previous item", "Previous item (Alt+Up)")
        self.previous_button.setShortcut(QKeySequence("Alt+Up"))
        self.previous_button.clicked.connect(self.previous_item)
        self.next_button = tool_button("next", "Next item", "Next item (Alt+Down)")
        self.next_button.setShortcut(QKeySequence("Alt+Down"))
        self.next_button.clicked.connect(self.next_item)
        for button in (self.previous_button, self.next_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.item_label = WordElidedLabel()     # cut at a whole word, never mid-word
        self.item_label.setAccessibleName("Item shown")
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.item_label, 1)
        return row


    def _build_page_row(self) -> QHBoxLayout:
        """The page shown, Find in this pack, and the zoom, fit, copy and highlight buttons."""
        self.page_label = WordElidedLabel()
        self.page_label.setAccessibleName("Page shown")
        font = self.page_label.font()
        font.setBold(True)
        self.page_label.setFont(font)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in this pack")
        self.find_edit.setAccessibleName("Find in this pack")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(140)
        self.find_edit.setMaximumWidth(260)
        self.find_edit.textChanged.connect(lambda _text: self.find_later())
        self.find_edit.returnPressed.connect(self.next_found)
        self.zoom_out_button = tool_button("zoom-out", "Zoom out", "Zoom out (Ctrl+-)")
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = tool_button("zoom-in", "Zoom in", "Zoom in (Ctrl++)")
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button = tool_button("fit-width", "Fit width", "Fit the page to the width (Ctrl+0)")
        self.fit_button.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.clicked.connect(self.fit_width)
        self.copy_button = tool_button("copy", "Copy",
                                       "Copy the selected text, or the whole page if nothing is selected")
        self.copy_button.clicked.connect(self.copy_text)
        self.highlight_button = tool_button("highlight", "Highlight", "Highlight the selected text (Ctrl+H)")
        # Ctrl+H as the reader's own shortcut, not the button's: pressed with nothing to
        # highlight it says why (a disabled button's shortcut would do nothing at all).
        self.highlight_shortcut = QShortcut(QKeySequence("Ctrl+H"), cast("QWidget", self))
        self.highlight_shortcut.activated.connect(self.start_highlight)
        self.highlight_button.clicked.connect(self.start_highlight)
        row = QHBoxLayout()
        row.addWidget(self.page_label, 1)
        row.addWidget(self.find_edit)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.copy_button,
                       self.highlight_button):
            row.addWidget(button)
        return row


    def _build_highlight_bar(self) -> QWidget:
        """The row that asks for a highlight's comment: Enter saves, Escape cancels."""
        bar = QWidget()
        bar.setAccessibleName("New highlight")
        self.highlight_quote = QLabel()
        self.highlight_quote.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.highlight_comment = QLineEdit()
        self.highlight_comment.setPlaceholderText("Comment (optional)")
        self.highlight_comment.setAccessibleName("Comment on the highlight")
        self.highlight_comment.returnPressed.connect(self.save_highlight)
        self.save_highlight_button = QPushButton(icon("highlight"), "Save highlight")
        self.save_highlight_button.clicked.connect(self.save_highlight)
        self.cancel_highlight_button = QPushButton("Cancel")
        self.cancel_highlight_button.clicked.connect(self.cancel_highlight)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.highlight_comment, self.cancel_highlight,
                  Qt.ShortcutContext.WidgetShortcut)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.highlight_quote, 2)
        row.addWidget(self.highlight_comment, 3)
        row.addWidget(self.save_highlight_button)
        row.addWidget(self.cancel_highlight_button)
        bar.hide()
        return bar
