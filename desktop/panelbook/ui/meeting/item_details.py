"""The selected agenda item as rich text: description, report summary, minutes,
discussion, resolutions and documents.

Everything shown here was imported from outside documents: it is data, so
every piece of it goes through ``html.escape`` before it meets markup.  No
colours are set: the text browser draws with the palette.
"""
from __future__ import annotations

from html import escape

from panelbook.ui.meeting.agenda_model import pages_text
from panelbook.ui.meeting.report_summary import summary


def _paragraphs(text: str | None) -> str:
    if not text:
        return ""
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


def item_html(item: dict, report_text: str | None = None) -> str:
    """The item's details as HTML with every imported string escaped."""
    numbers = []
    if item.get("agenda_number"):
        numbers.append(f"Agenda item {escape(item['agenda_number'])}")
    if item.get("minute_number"):
        numbers.append(f"minute {escape(item['minute_number'])}")
    if item.get("pages"):
        numbers.append(f"pack pages {escape(pages_text(item['pages']))}")
    head = f"<h2>{escape(item['title'])}</h2>"
    if numbers:
        line = ", ".join(numbers)
        head += f"<p><i>{line[0].upper() + line[1:]}</i></p>"
    if item.get("confidential"):
        head += "<p><b>Confidential:</b> this item is exempt from publication.</p>"
    if item.get("issue"):
        head += f"<p>Part of the recurring issue <i>{escape(item['issue'])}</i>.</p>"

    parts = [head, _paragraphs(item.get("description"))]
    for name, paragraphs in summary(report_text):
        parts.append(_section(f"Report: {name.lower()}" if name != "Report" else "Report",
                              "".join(f"<p>{escape(p)}</p>" for p in paragraphs)))
    minutes = _paragraphs(item.get("minutes"))
    if item.get("discussion"):
        minutes += "<ul>" + "".join(f"<li>{escape(point)}</li>" for point in item["discussion"]) + "</ul>"
    parts.append(_section("Minutes", minutes))
    if item.get("resolutions"):
        rows = []
        for resolution in item["resolutions"]:
            number = f"<b>{escape(resolution['number'])})</b> " if resolution.get("number") else ""
            rows.append(f"<li>{number}{escape(resolution['text'])}</li>")
        parts.append(_section("Resolved", "<ul>" + "".join(rows) + "</ul>"))
    if item.get("documents"):
        rows = []
        for document in item["documents"]:
            extra = [document["size"]] if document.get("size") else []
            if document.get("restricted"):
                extra.append("restricted")
            if document.get("url"):
                extra.append(document["url"])
            tail = f" <span>({escape(', '.join(extra))})</span>" if extra else ""
            rows.append(f"<li>{escape(document['title'])}{tail}</li>")
        parts.append(_section("Documents", "<ul>" + "".join(rows) + "</ul>"))
    if not any(parts[1:]):
        parts.append("<p><i>Nothing more is known about this item yet: its report, minutes and "
                     "resolutions appear here once the agenda pack or minutes are imported.</i></p>")
    return "".join(parts)


def meeting_placeholder_html(has_items: bool) -> str:
    if has_items:
        return "<p><i>Choose an agenda item to read its details here.</i></p>"
    return ("<p><i>This meeting has no agenda yet. When the council publishes the agenda pack, "
            "import it with File › Import (Ctrl+O) or drop it on this window.</i></p>")
