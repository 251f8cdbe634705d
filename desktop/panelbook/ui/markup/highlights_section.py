"""The item's highlights: passages of the pack, each with its comment.

Clicking one turns the pack to its page.  Highlights that a revised pack no
longer has where they were are listed apart under "Needs placing", with their
text kept.  A highlight is deleted with Delete, the bin beside "Highlights" or
the lists' context menu, and comes back with this section's own "Undo delete"
(``markup.restore_highlight``) on its item and page, under the same uid; after
either, ``highlights_changed`` tells the reader to draw the pack's highlights again.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListView, QMenu, QVBoxLayout, QWidget

from panelbook.services import markup
from panelbook.ui.common.icons import icon
from panelbook.ui.markup.fitted_lists import DeletableList
from panelbook.ui.markup.highlights_model import HighlightsModel, PageRole
from panelbook.ui.markup.markup_host import MarkupHost
from panelbook.ui.markup.section_parts import SPACING, hint_label, section_title, shorten, tool_button

HIGHLIGHTS_MAX_HEIGHT = 260


class HighlightsSection(QWidget):
    def __init__(self, host: MarkupHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.deleted_highlights: list[dict] = []
        self._build_lists()
        self._connect_lists()
        self._build_tools()
        self._lay_out()

    # -- building -----------------------------------------------------------

    def _build_lists(self) -> None:
        self.highlights = HighlightsModel(parent=self)
        self.highlight_list = DeletableList(
            "Highlights", "No highlights yet: select text in the pack and press Highlight (Ctrl+H).",
            max_height=HIGHLIGHTS_MAX_HEIGHT)
        self.highlight_list.setModel(self.highlights)
        self.highlight_list.activated.connect(self._highlight_activated)
        self.highlight_list.clicked.connect(self._highlight_activated)
        self.highlight_list.setToolTip("Click a highlight to turn the pack to its page; Delete removes it")
        self.unplaced = HighlightsModel(needs_placing=True, parent=self)
        self.unplaced_title = section_title("Needs placing")
        self.unplaced_hint = hint_label("The revised pack no longer has these passages where they were; "
                                        "their text is kept here.")
        self.unplaced_list = DeletableList("Highlights that need placing", "")
        self.unplaced_list.setModel(self.unplaced)

    def _connect_lists(self) -> None:
        """Delete, the context menu, and one highlight chosen at a time across both lists."""
        for view, model, other in ((self.highlight_list, self.highlights, self.unplaced_list),
                                   (self.unplaced_list, self.unplaced, self.highlight_list)):
            view.delete_requested.connect(lambda v=view, m=model: self._delete_highlight_from(v, m))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda point, v=view: self.highlight_menu(v, point).popup(
                v.viewport().mapToGlobal(point)))
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, o=other: self._highlight_chosen(current, o))

    def _build_tools(self) -> None:
        self.delete_highlight_button = tool_button("delete", "Delete highlight",
                                                   "Delete the chosen highlight (Delete)", text_shown=False)
        self.delete_highlight_button.clicked.connect(self.delete_chosen_highlight)
        self.undo_highlight_button = tool_button("undo", "Undo delete", "Bring back the highlight deleted last")
        self.undo_highlight_button.setAccessibleName("Undo highlight delete")
        self.undo_highlight_button.clicked.connect(self.undo_highlight_delete)

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(section_title("Highlights"))
        head.addStretch(1)
        head.addWidget(self.delete_highlight_button)
        head.addWidget(self.undo_highlight_button)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addLayout(head)
        column.addWidget(self.highlight_list)
        column.addWidget(self.unplaced_title)
        column.addWidget(self.unplaced_hint)
        column.addWidget(self.unplaced_list)
        self.setLayout(column)

    # -- showing ------------------------------------------------------------

    def fill(self, rows: list[dict]) -> None:
        self.highlights.set_rows(rows)
        self.unplaced.set_rows(rows)
        self._show_unplaced()

    def clear(self) -> None:
        self.highlights.set_rows([])
        self.unplaced.set_rows([])

    def set_enabled(self, on: bool) -> None:
        self.highlight_list.setEnabled(on)
        self.unplaced_list.setEnabled(on)
        self.undo_highlight_button.setEnabled(on and bool(self.deleted_highlights))
        self._update_delete_button()

    def _highlight_activated(self, index: QModelIndex) -> None:
        page = index.data(PageRole)
        if isinstance(page, int):
            self.host.page_requested.emit(page)

    def _show_unplaced(self) -> None:
        unplaced = self.unplaced.rowCount() > 0
        for widget in (self.unplaced_title, self.unplaced_hint, self.unplaced_list):
            widget.setVisible(unplaced)
        self.unplaced_title.setText(f"Needs placing ({self.unplaced.rowCount()})")
        self._update_delete_button()

    def _highlight_chosen(self, current: QModelIndex, other: QListView) -> None:
        """One highlight is chosen at a time, in either list: the one Delete acts on."""
        if current.isValid():
            other.selectionModel().clear()
        self._update_delete_button()

    def _chosen_highlight_list(self) -> tuple[QListView, HighlightsModel] | None:
        for view, model in ((self.highlight_list, self.highlights), (self.unplaced_list, self.unplaced)):
            if view.currentIndex().isValid():
                return view, model
        return None

    def _update_delete_button(self) -> None:
        self.delete_highlight_button.setEnabled(
            self.host.item_id is not None and self._chosen_highlight_list() is not None)

    def highlight_menu(self, view: QListView, point: QPoint) -> QMenu:
        """The context menu of a highlight in either list: show it on its page, delete it, undo."""
        menu = QMenu(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        index = view.indexAt(point)
        if index.isValid():
            view.setCurrentIndex(index)
            if isinstance(index.data(PageRole), int):
                menu.addAction(icon("find-in-page"), "Show on the page", lambda: self._highlight_activated(index))
            model = view.model()
            assert isinstance(model, HighlightsModel)
            delete = menu.addAction(icon("delete"), "Delete highlight",
                                    lambda: self._delete_highlight_from(view, model))
            delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))     # shown; the list takes the key
        if self.deleted_highlights:
            menu.addSeparator()
            menu.addAction(icon("undo"), "Undo delete", self.undo_highlight_delete).setToolTip(
                self.undo_highlight_button.toolTip())
        return menu

    # -- deleting and bringing back -------------------------------------------

    def delete_chosen_highlight(self) -> None:
        chosen = self._chosen_highlight_list()
        if chosen is not None:
            self._delete_highlight_from(*chosen)

    def _delete_highlight_from(self, view: QListView, model: HighlightsModel) -> None:
        """Take the chosen highlight out of the list at once and delete it on the worker.
        If it cannot be deleted, the panel is read again so the list shows what is stored;
        one already gone (deleted meanwhile by a merged markup file) needs no message."""
        index = view.currentIndex()
        item_id = self.host.item_id
        if not index.isValid() or item_id is None:
            return
        light = model.remove(index.row())
        self._show_unplaced()

        def failed(error: BaseException) -> None:
            from panelbook.store.queries import NotFound

            self.host.changed(item_id)
            if not self.host.closing and isinstance(error, NotFound):
                self.host.highlights_changed.emit(item_id)
            else:
                self.host.error.emit(error)

        self.host.write_kept(lambda store: markup.delete_highlight(store, light["id"]),
                             f"Deleting a highlight on {self.host.title_of(item_id)}", light.get("quote") or "",
                             "deleting the highlight", lambda whole: self._highlight_deleted(whole, item_id), failed)

    def _highlight_deleted(self, light: dict, item_id: int) -> None:
        self.deleted_highlights.append(light)
        self._tell_undo_highlight()
        self.host.marks_changed_for(item_id)
        if not self.host.closing:
            self.host.highlights_changed.emit(item_id)

    def _tell_undo_highlight(self) -> None:
        self.undo_highlight_button.setEnabled(self.host.item_id is not None and bool(self.deleted_highlights))
        if self.deleted_highlights:
            self.undo_highlight_button.setToolTip(
                f"Bring back the highlight “{shorten(self.deleted_highlights[-1]['quote'])}”")
        else:
            self.undo_highlight_button.setToolTip("Bring back the highlight deleted last")

    def undo_highlight_delete(self) -> None:
        """Bring back the last deleted highlight, on its item and page, under the same uid."""
        if not self.deleted_highlights:
            return
        light = self.deleted_highlights.pop()
        self._tell_undo_highlight()

        def restored(_id: int) -> None:
            self.host.changed(light["item_id"])
            if not self.host.closing:
                self.host.highlights_changed.emit(light["item_id"])

        def failed(error: BaseException) -> None:
            from panelbook.store.queries import NotFound

            if not isinstance(error, (markup.MarkupError, NotFound)):     # not for good: it can be tried again
                self.deleted_highlights.append(light)
                self._tell_undo_highlight()
            self.host.error.emit(error)

        self.host.write_kept(lambda store: markup.restore_highlight(store, light),
                             f"Bringing back a highlight on {self.host.title_of(light['item_id'])}",
                             light.get("quote") or "", "the highlight brought back", restored, failed)
