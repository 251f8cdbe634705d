"""The pure pieces of the briefing: report sections, glossary terms, safe paragraph text, dates."""
from __future__ import annotations

from panelbook.exports.briefing_data import same_issue
from panelbook.exports.glossary_terms import terms_used, without_glossary
from panelbook.exports.pdfstyle import clock, long_date, para
from panelbook.exports.report_sections import report_sections

REPORT = """DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL
SUBJECT: REPEAT CHILD PROTECTION PLANS - ANALYSIS
BRIEF SUMMARY
This item outlines the work undertaken to understand why some families come back to
Child Protection Planning for a second or subsequent time.
Page 11
RECOMMENDATIONS:
(i) That the Panel consider and scrutinise the analysis undertaken on
repeat Child Protection Plans, attached as Appendix 1.
(ii) That a further briefing paper is submitted in 6 months’ time.
REASONS FOR REPORT RECOMMENDATIONS
1. To enable the Panel to scrutinise performance.
"""


def test_summary_and_recommendations_from_the_report_template():
    sections = report_sections(REPORT)
    assert sections.summary == ("This item outlines the work undertaken to understand why some families come back "
                                "to Child Protection Planning for a second or subsequent time.")
    assert sections.recommendations == [
        ("(i)", "That the Panel consider and scrutinise the analysis undertaken on repeat Child Protection Plans, "
                "attached as Appendix 1."),
        ("(ii)", "That a further briefing paper is submitted in 6 months’ time."),
    ]


def test_a_report_without_the_template_gives_nothing_rather_than_a_guess():
    assert report_sections("Minutes of the meeting held on 18 July 2024\nPresent: ...").summary == ""
    assert report_sections("Minutes of the meeting\nRESOLVED that ...").recommendations == []
    assert report_sections(None).recommendations == []


GLOSSARY = [("CP", "Child Protection"), ("CLA", "Children Looked After"),
            ("Person Posing a Risk to Children (PPRC)", "Replaced ‘Schedule One Offender’."),
            ("Staying Put", "A Staying Put arrangement ...")]
PAGES = [
    "Repeat CP plans rose; staying put is offered.\nPage 20",
    "Visits fell.\nAcronyms\nCP Child Protection\nCLA Children Looked After\nPage 21",
    "Person Posing a Risk to Children (PPRC)\nThis term replaced ...\nStaying Put\nA Staying Put arrangement\nPage 22",
]


def test_glossary_terms_used_outside_the_appendix_only():
    assert [t for t, _ in terms_used(GLOSSARY, PAGES)] == ["CP", "Staying Put"]
    cut = without_glossary(PAGES, [t for t, _ in GLOSSARY])
    assert cut == [PAGES[0], "Visits fell.", ""]
    # Acronyms are exact: "cp" or "CPR" are not "CP"; a bracketed acronym counts.
    assert terms_used(GLOSSARY, ["cpr and cp", "Under CPR"]) == []
    assert [t for t, _ in terms_used(GLOSSARY, ["A PPRC was identified"])] == [GLOSSARY[2][0]]


def test_paragraph_text_is_escaped_and_printable():
    assert para('<b>Budget & "risks"</b> 5 < 6') == '&lt;b&gt;Budget &amp; "risks"&lt;/b&gt; 5 &lt; 6'
    assert para("line one\nline two") == "line one<br/>line two"
    assert para("£ – ’ “ ” é ŵ ŷ") == "£ – ’ “ ” é ŵ ŷ"
    assert para("a\u0007b\uf0b7c") == "ab•c"          # control dropped, Symbol-font bullet kept as a bullet
    assert para(None) == ""


def test_council_dates_and_times():
    assert long_date("2024-08-08") == "Thursday 8 August 2024"
    assert clock("17:30") == "5.30 pm" and clock("10:00") == "10 am" and clock("12:15") == "12.15 pm"
    assert clock(None) == ""


def test_same_issue_by_recorded_issue_or_near_identical_title():
    item = {"title": "Children and Learning - Performance", "issue": None}
    assert same_issue(item, {"item_title": "Children and Learning – Performance", "issue": None})
    assert same_issue({"title": "Performance update", "issue": "Children and Learning - Performance"},
                      {"item_title": "Quarterly figures", "issue": "Children and Learning - Performance"})
    assert not same_issue(item, {"item_title": "Family Safeguarding Model", "issue": None})
