"""html_to_text on ModernGov's entity-escaped Word HTML."""
from __future__ import annotations

import html

from hypothesis import given, settings, strategies as st

from panelbook.sources.htmltext import html_to_text
from testdata import MODERNGOV

# As it stands in the GetMeeting sample's XML (one level of escaping).
SAMPLE_ESCAPED = """&lt;div class="WordSection1"&gt;
&lt;p class="MsoNormal"&gt;The Committee considered a report of the
Governance and Scrutiny Support Unit which set out its future Work
Programme for the remainder of 2025/26 municipal year.&lt;/p&gt;
&lt;/div&gt;
"""
SAMPLE_TEXT = (
    "The Committee considered a report of the Governance and Scrutiny Support Unit "
    "which set out its future Work Programme for the remainder of 2025/26 municipal year."
)

WORD_MINUTES = """<div class=WordSection1>
<p class=MsoNormal>The Panel discussed a number of points
including:</p>
<ul><li><p>waiting times for &quot;Early Help&quot;;</p></li><li>staffing &amp; recruitment.</li></ul>
<p class=MsoNormal><b>RESOLVED</b> that:</p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>(i)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span><![endif]>the report be noted;</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
style='font-family:Symbol'><span style='mso-list:Ignore'>&middot;<span>&nbsp;</span></span></span><!--[endif]-->a Word bullet</p>
<p>line one<br>line two</p>
<style>p.MsoNormal {margin:0}</style><script>alert(1)</script>
</div>"""
WORD_TEXT = (
    "The Panel discussed a number of points including:\n\n"
    "• waiting times for \"Early Help\";\n"
    "• staffing & recruitment.\n\n"
    "RESOLVED that:\n\n"
    "(i) the report be noted;\n\n"
    "• a Word bullet\n\n"
    "line one\nline two"
)


def test_sample_escaped_once_as_in_the_xml_file():
    raw = (MODERNGOV / "mg_GetMeeting_with_minutes_manchester.xml").read_text(encoding="utf-8")
    assert SAMPLE_ESCAPED in raw
    assert html_to_text(SAMPLE_ESCAPED) == SAMPLE_TEXT


def test_sample_after_xml_parsing_is_plain_html():
    assert html_to_text(html.unescape(SAMPLE_ESCAPED)) == SAMPLE_TEXT


def test_twice_escaped():
    twice = html.escape(SAMPLE_ESCAPED, quote=False)
    assert "&amp;lt;p" in twice
    assert html_to_text(twice) == SAMPLE_TEXT


def test_escaped_inside_real_tags():
    assert html_to_text("<div>&lt;p&gt;one&lt;/p&gt;&lt;p&gt;two&lt;/p&gt;</div>") == "one\n\ntwo"


def test_word_paragraphs_lists_and_numbers():
    assert html_to_text(WORD_MINUTES) == WORD_TEXT
    assert html_to_text(html.escape(WORD_MINUTES)) == WORD_TEXT
    assert html_to_text(html.escape(html.escape(WORD_MINUTES))) == WORD_TEXT


def test_plain_text_and_empty():
    assert html_to_text("") == ""
    assert html_to_text("  \n ") == ""
    assert html_to_text("5 < 6 and a<b stays") == "5 < 6 and a<b stays"
    assert html_to_text("Fish &amp; chips") == "Fish & chips"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text):
    assert isinstance(html_to_text(text), str)


def test_deep_nesting_does_not_exhaust_recursion():
    assert html_to_text("<div>" * 50000 + "deep") == "deep"
