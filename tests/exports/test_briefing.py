"""The member's briefing pack of the sample panel's 8 August 2024 meeting, read
back through pypdf's text extractor: cover, contents, items, notes (escaping
included), the outstanding recommendations table, glossary, outline, pages."""
from __future__ import annotations

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from panelbook.exports.briefing import export_briefing
from panelbook.exports.markup import BriefingMarkup, Highlight, LineOfEnquiry
from panelbook.paths import data_folder
from panelbook.services.markup import add_note
from panelbook.services.recs import set_recommendation
from panelbook.services.sample import load_sample
from panelbook.store import Store, queries

ESCAPE_NOTE = '<b>Budget & "risks"</b> 5 < 6'
QUESTION = "How many of the 290 providers will offer the 9-month entitlement? £2.50 – ‘ours’ “theirs” café ŵŷ"
NOW = datetime(2024, 8, 5, 9, 30)
ITEM_TITLES = [
    "1. Apologies and Changes in Panel Membership (If Any)",
    "2. Disclosure of Personal and Pecuniary Interests",
    "3. Statement from the Chair",
    "4. Declarations of Scrutiny Interest",
    "5. Declaration of Party Political Whip",
    "6. Minutes of the Previous Meeting (Including Matters Arising)",
    "7. Early Years and Childcare",
    "8. Repeat Child Protection Plans - Analysis",
    "9. Annual Conversation with Ofsted and Progress of Post-Inspection Improvement Plan",
    "10. Children and Learning - Performance",
    "11. Monitoring Scrutiny Recommendations",
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample panel with Cllr Webb's notes and questions and another member's private note."""
    store = Store.open(data_folder(tmp_path_factory.mktemp("briefing") / "data"))
    load_sample(store)
    meeting_id = queries.resolve_meeting(store.db, "2024-08-08")

    def item(number: str) -> int:
        return queries.resolve_item(store.db, meeting_id, number)

    add_note(store, item("7"), ESCAPE_NOTE, who="Cllr Webb")
    add_note(store, item("7"), QUESTION, question=True, who="Cllr Webb")
    add_note(store, item("10"), "What is behind the dip in child protection visits to 88%?",
                      question=True, who="Cllr Webb")
    add_note(store, item("8"), "Chapman's private note", who="Cllr Chapman")
    yield store, meeting_id
    store.close()


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    out = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return out


@pytest.fixture(scope="module")
def briefing(sample, tmp_path_factory):
    store, meeting_id = sample
    path = tmp_path_factory.mktemp("out") / "briefing.pdf"
    result = export_briefing(store, meeting_id, path, profile="Cllr Webb", now=NOW)
    reader = PdfReader(str(path))
    texts = [page.extract_text() for page in reader.pages]
    return result, reader, texts


def _page_of(outline, title) -> int:
    (page,) = [p for _, t, p in outline if t == title]
    return page


def test_cover_names_council_committee_meeting_and_reader(briefing):
    _, _, texts = briefing
    cover = texts[0]
    for expected in ("Southampton City Council", "Children and Families Scrutiny", "Briefing pack",
                     "Thursday 8 August 2024, 5.30 pm", "Conference Room 3 - Civic Centre",
                     "Prepared for", "Cllr Webb", "Monday 5 August 2024, 09:30", "All 11 agenda items"):
        assert expected in cover, expected
    assert "NOT FOR PUBLICATION" not in "".join(texts)     # no confidential item on this agenda


def test_outline_mirrors_the_contents(briefing):
    _result, reader, texts = briefing
    outline = _outline(reader)
    assert [(d, t) for d, t, _ in outline] == (
        [(0, "Cover"), (0, "Contents"), (0, "Meeting details"), (0, "Agenda items")]
        + [(1, title) for title in ITEM_TITLES]
        + [(0, "Outstanding recommendations"), (0, "Glossary")]
    )
    contents = texts[1]
    assert contents.count("Contents") == 1 and outline[1][2] == 1
    # Every entry but the cover and the contents page itself, in order, each with its page number
    # (drawn once the document is finished, so extracted after the page's other text).
    listed, numbers = contents.split("Page 2 of 16")
    lines = [line.strip() for line in listed.splitlines()]
    assert lines[lines.index("Contents") + 1:-1] == [title for _, title, _ in outline[2:]]
    assert re.findall(r"^\s*(\d+)\s*$", numbers, re.M) == [str(page + 1) for _, _, page in outline[2:]]
    # The headings are on the pages the outline says ("Agenda items" groups the items: the first one's page).
    assert _page_of(outline, "Agenda items") == _page_of(outline, ITEM_TITLES[0])
    for _, title, page in outline[2:]:
        if title == "Agenda items":
            continue
        heading = title.split(". ", 1)[-1] if title[0].isdigit() else title
        assert heading[:40] in re.sub(r"\s+", " ", texts[page]), title


def test_page_count_footer_and_metadata(briefing):
    result, reader, texts = briefing
    assert result.pages == len(reader.pages) == 16
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of 16" in text
        assert "Children and Families Scrutiny Panel – 8 August 2024" in text   # running header
    meta = reader.metadata
    assert meta.title == "Briefing – Children and Families Scrutiny Panel – 8 August 2024"
    assert meta.author == "Cllr Webb"
    assert meta.subject == ("Briefing pack for the Children and Families Scrutiny Panel meeting of "
                            "Thursday 8 August 2024, prepared for Cllr Webb")


def test_only_the_shipped_fonts_are_used_and_embedded(briefing):
    _, reader, _ = briefing
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert sorted(name.split("+")[1] for name in fonts) == ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"]
    for font in fonts.values():
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()     # embedded, not referenced


def test_each_item_with_its_report_summary_and_recommendations(briefing):
    _, reader, texts = briefing
    outline = _outline(reader)
    flat = {title: re.sub(r"\s+", " ", texts[_page_of(outline, title)]) for title in ITEM_TITLES}
    early = flat["7. Early Years and Childcare"]
    assert "AGENDA ITEM 7 · MINUTE 10" in early
    assert "Pages 5–10" in early
    assert "Report of the Executive Director, Children and Learning, providing an overview" in early
    assert "The provision of high-quality early years and childcare services has proven" in early
    assert ("(i) That the Panel consider and scrutinise the information provided related to Early Years and "
            "Childcare in Southampton.") in early
    repeat = flat["8. Repeat Child Protection Plans - Analysis"]
    assert "(ii) That a further briefing paper is submitted in 6 months’ time" in repeat
    assert "Resolved at the meeting" in repeat
    assert "the service undertakes an audit on the quality of handovers" in repeat
    assert "Pages 67–104" in flat["10. Children and Learning - Performance"]
    assert "Statement from the Chair" in flat["3. Statement from the Chair"]


def test_the_members_notes_and_questions_print_literally(briefing):
    _, reader, texts = briefing
    outline = _outline(reader)
    early = texts[_page_of(outline, "7. Early Years and Childcare")]
    assert "Your questions" in early and "Your notes" in early
    assert ESCAPE_NOTE in early
    assert re.sub(r"\s+", " ", QUESTION) in re.sub(r"\s+", " ", early)
    performance = texts[_page_of(outline, "10. Children and Learning - Performance")]
    assert "What is behind the dip in child protection visits to 88%?" in performance
    everything = "".join(texts)
    assert "Chapman's private note" not in everything
    assert "You have no notes or questions on this item." in texts[_page_of(outline, "9. Annual Conversation "
                                                                          "with Ofsted and Progress of Post-"
                                                                          "Inspection Improvement Plan")]


def test_outstanding_recommendations_table(briefing):
    _, reader, texts = briefing
    outline = _outline(reader)
    start, end = _page_of(outline, "Outstanding recommendations"), _page_of(outline, "Glossary")
    table = re.sub(r"\s+", " ", " ".join(texts[start:end]))
    assert "still on the monitoring list at this meeting (5)" in table
    assert table.count("Meeting Item Recommendation Action taken Status Deadline") == end - start   # header repeats
    for fragment in ("That, reflecting issues raised by the inspection about the visibility",
                     "That, to help target activity aimed at improving uptake",
                     "That the issue returns to the agenda of the Panel in November",
                     "That the Panel suggested that a Headteacher is invited",
                     "That an update on progress implementing the Family Safeguarding Model",
                     "Not complete – deadline November 2024.", "Complete", "30 November 2024",
                     "Chair of FSM operational board has identified head teacher representative."):
        assert fragment in table, fragment
    assert table.count("18 July 2024") == 5
    assert "all-members briefing" not in table          # a draft of this meeting, not on the list
    assert reader.pages[start].mediabox.width > reader.pages[start].mediabox.height   # landscape


def test_glossary_lists_only_terms_the_pack_uses(briefing):
    _, reader, texts = briefing
    outline = _outline(reader)
    glossary = re.sub(r"\s+", " ", " ".join(texts[_page_of(outline, "Glossary"):]))
    assert "CAMHS Child and Adolescent Mental Health Service" in glossary
    assert "Virtual School Head" in glossary and "Staying Put" in glossary
    assert "Children Looked After" not in glossary       # CLA: in the glossary, never used in the reports
    assert "Agency decision maker" not in glossary


def test_markup_prints_highlights_and_lines_of_enquiry_escaped(sample, tmp_path):
    store, meeting_id = sample
    item = queries.resolve_item(store.db, meeting_id, "8")
    markup = BriefingMarkup(
        highlights=[Highlight(item, "a lack of confidence in maintaining <i>CP</i> plans", page=21,
                              profile="Cllr Webb"),
                    Highlight(item, "Someone else's highlight", page=12, profile="Cllr Chapman")],
        lines_of_enquiry=[LineOfEnquiry(item, "Why do families return to CP planning?", lead="Cllr Webb")],
    )
    path = tmp_path / "b.pdf"
    export_briefing(store, meeting_id, path, profile="Cllr Webb", items=["8"], markup=markup, now=NOW)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(path)).pages))
    assert "Highlighted passages" in text
    assert "“a lack of confidence in maintaining <i>CP</i> plans” (page 21)" in text
    assert "Someone else's highlight" not in text
    assert "Lines of enquiry" in text and "Why do families return to CP planning? — led by Cllr Webb" in text


def test_panel_edition_with_nothing_shared_says_so(sample, tmp_path):
    store, meeting_id = sample
    path = tmp_path / "panel.pdf"
    export_briefing(store, meeting_id, path, panel=True, now=NOW)
    reader = PdfReader(str(path))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Briefing pack for the whole panel" in text
    assert "never a member’s private notes. Nothing has been shared for this meeting yet." in text
    assert ESCAPE_NOTE not in text and "Chapman's private note" not in text
    assert "Your notes" not in text and "Questions" not in text and "Notes " not in text
    assert reader.metadata.author == "Southampton City Council"


def test_stored_markup_private_and_shared(tmp_path):
    from panelbook.exports.markup import markup_for
    from panelbook.services import markup

    store = Store.open(data_folder(tmp_path / "data"))
    try:
        load_sample(store)
        meeting_id = queries.resolve_meeting(store.db, "2024-08-08")
        item = queries.resolve_item(store.db, meeting_id, "8")
        chair = "Cllr Barnes-Andrews"
        markup.add_enquiry(store, item, "Why do families return to child protection planning?", lead="Cllr Webb",
                           who=chair)
        shared_q = add_note(store, item, "What did the audit of handovers find?", question=True, who=chair)
        markup.update_note(store, shared_q, shared=1, lead="Cllr Cooper", state="answered",
                           answer="Reported to the next meeting.")
        add_note(store, item, "Webb's own question", question=True, who="Cllr Webb")
        add_note(store, item, "Chair's private note", who=chair)
        pack = next(iter(store.db.query("SELECT id FROM documents WHERE kind = 'agenda_pack'")))["id"]
        page = next(iter(store.db.query(
            "SELECT idx, text FROM pages WHERE document_id = ? AND printed = 21", (pack,))))
        start = page["text"].index("There appears to be a lack of confidence")
        highlight = markup.add_highlight(store, pack, page["idx"], start, start + 40, who=chair)
        store.db.execute("UPDATE highlights SET shared = 1 WHERE id = ?", (highlight,))
        markup.add_highlight(store, pack, page["idx"], start, start + 20, comment="Webb's highlight comment",
                             who="Cllr Webb")

        def briefing(**options) -> str:
            path = tmp_path / "b.pdf"
            export_briefing(store, meeting_id, path, items=["8"], markup=markup_for(store, meeting_id), now=NOW,
                            **options)
            return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(path)).pages))

        panel = briefing(panel=True)
        assert "Lines of enquiry" in panel
        assert ("Why do families return to child protection planning? — led by Cllr Webb; shared by "
                "Cllr Barnes-Andrews") in panel
        assert "What did the audit of handovers find? — led by Cllr Cooper; shared by Cllr Barnes-Andrews" in panel
        assert "Answer: Reported to the next meeting." in panel
        assert "“There appears to be a lack of confidence” (page 21) — shared by Cllr Barnes-Andrews" in panel
        assert "Webb's own question" not in panel and "Chair's private note" not in panel
        assert "highlight comment" not in panel
        member = briefing(profile="Cllr Webb")
        assert "Your questions" in member and "Webb's own question" in member
        assert "What did the audit of handovers find?" in member          # shared by the chair
        assert "“There appears to be” (page 21)" in member and "Webb's highlight comment" in member
        assert "Chair's private note" not in member
    finally:
        store.close()


def test_with_reports_puts_each_items_report_pages_after_its_briefing(sample, tmp_path):
    store, meeting_id = sample
    path = tmp_path / "with-reports.pdf"
    result = export_briefing(store, meeting_id, path, profile="Cllr Webb", with_reports=True,
                             items=["7", "8"], now=NOW)
    reader = PdfReader(str(path))
    outline = _outline(reader)
    assert [(d, t) for d, t, _ in outline] == [
        (0, "Cover"), (0, "Contents"), (0, "Meeting details"), (0, "Agenda items"),
        (1, "7. Early Years and Childcare"), (2, "Report – pack pages 5–10"),
        (1, "8. Repeat Child Protection Plans - Analysis"), (2, "Report – pack pages 11–22"),
        (0, "Outstanding recommendations"), (0, "Glossary"),
    ]
    texts = [p.extract_text() for p in reader.pages]
    item7, report7 = _page_of(outline, "7. Early Years and Childcare"), _page_of(outline, "Report – pack pages 5–10")
    item8, report8 = (_page_of(outline, "8. Repeat Child Protection Plans - Analysis"),
                      _page_of(outline, "Report – pack pages 11–22"))
    assert report7 == item7 + 1 and item8 == report7 + 6 and report8 == item8 + 1
    # The pack's own pages, in order, each ending with its printed "Page N" stamp.
    for offset, printed in enumerate(range(5, 11)):
        assert re.search(rf"\bPage {printed}\b", texts[report7 + offset]), printed
    for offset, printed in enumerate(range(11, 23)):
        assert re.search(rf"\bPage {printed}\b", texts[report8 + offset]), printed
    assert texts[report7].startswith("DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL")
    assert "SUBJECT: EARLY YEARS AND CHILDCARE" in texts[report7]
    assert "SUBJECT: REPEAT CHILD PROTECTION PLANS" in texts[report8].replace(" - ", " ")
    total = len(reader.pages)
    assert result.pages == total and f"Page {item8 + 1} of {total}" in texts[item8]
    assert result.report_pages == {queries.resolve_item(store.db, meeting_id, "7"): list(range(report7, report7 + 6)),
                                   queries.resolve_item(store.db, meeting_id, "8"): list(range(report8, report8 + 12))}
    # Only the chosen items, and the glossary narrows to the terms their reports use.
    assert "Early Years and Childcare" in texts[1] and "Children and Learning - Performance" not in texts[1]
    glossary = " ".join(texts[_page_of(outline, "Glossary"):])
    assert "CAMHS" not in glossary and "Child Protection" in glossary


def test_contents_links_lead_to_the_pages_listed(sample, tmp_path):
    store, meeting_id = sample
    path = tmp_path / "links.pdf"
    export_briefing(store, meeting_id, path, with_reports=True, items=["7"], now=NOW)
    reader = PdfReader(str(path))
    index_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    targets = sorted({index_of[a.get_object()["/Dest"][0].idnum] for a in reader.pages[1]["/Annots"]})
    outline = _outline(reader)
    assert targets == sorted({p for _, t, p in outline if t not in ("Cover", "Contents")})


def test_open_recommendations_from_earlier_meetings_on_the_same_issue(tmp_path):
    store = Store.open(data_folder(tmp_path / "data"))
    try:
        load_sample(store)
        # Accept one of the 20 July 2023 "Children and Learning - Performance" drafts into the tracker.
        (rec,) = [r for r in queries.recommendations(store.db, status="draft")
                  if r["meeting_date"] == "2023-07-20" and r["text"].startswith("That, to enable trends")]
        set_recommendation(store, rec["id"], status="awaiting_response", who="Clerk")
        meeting_id = queries.resolve_meeting(store.db, "2024-08-08")
        path = tmp_path / "b.pdf"
        export_briefing(store, meeting_id, path, profile="Cllr Webb", now=NOW)
        reader = PdfReader(str(path))
        outline = _outline(reader)
        texts = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
        performance = texts[_page_of(outline, "10. Children and Learning - Performance")]
        assert "Open recommendations from earlier meetings on this issue" in performance
        assert "20 July 2023 That, to enable trends to be identified" in performance
        assert "Awaiting response" in performance
        early = texts[_page_of(outline, "7. Early Years and Childcare")]
        assert "Open recommendations from earlier meetings" not in early
    finally:
        store.close()
