"""ModernGov web-service XML: the Manchester samples, SOAP, and bad input."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from panelbook.model import DocumentKind, DocumentLink, MeetingStatus, Member, Resolution, UnreadableDocument
from panelbook.sources.webservice import looks_like_webservice_xml, read_webservice_xml
from testdata import MODERNGOV

COMMITTEES = MODERNGOV / "mg_GetCommittees_manchester.xml"
MEETINGS = MODERNGOV / "mg_GetMeetings_manchester.xml"
MEETING = MODERNGOV / "mg_GetMeeting_with_minutes_manchester.xml"
BEFORE = date(2026, 1, 1)      # both sample meetings still ahead
AFTER = date(2026, 3, 1)       # both sample meetings past
DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'


def without_comment(path) -> bytes:
    """The sample as the real service sends it: the declaration, no leading comment."""
    data = path.read_bytes()
    return DECLARATION + data[data.index(b"-->") + 3:].lstrip()


# --- GetCommittees ---------------------------------------------------------------

def test_committees():
    doc = read_webservice_xml(COMMITTEES.read_bytes())
    assert doc.kind is DocumentKind.WEBSERVICE_COMMITTEES
    assert [(c.external_id, c.name, c.deleted, c.expired) for c in doc.committees] == [
        ("312", "Appointment Sub Committee for Director of Adult Social Services", False, True),
        ("163", "Art Galleries Committee", False, False),
        ("144", "Audit Committee", False, False),
    ]
    assert {c.category for c in doc.committees} == {"Governance and Decision Making Committees"}
    assert doc.meetings == []


# --- GetMeetings -----------------------------------------------------------------

def test_meetings_before_they_happen():
    doc = read_webservice_xml(MEETINGS.read_bytes(), today=BEFORE)
    assert doc.kind is DocumentKind.WEBSERVICE_MEETINGS
    assert doc.committee is not None
    assert (doc.committee.external_id, doc.committee.name) == ("144", "Audit Committee")
    assert [(m.external_id, m.committee, m.date, m.time, m.status) for m in doc.meetings] == [
        ("4966", "Audit Committee", date(2026, 1, 13), "10:00", MeetingStatus.CANCELLED),
        ("4967", "Audit Committee", date(2026, 2, 10), "10:00", MeetingStatus.SCHEDULED),
    ]
    assert doc.warnings == []


def test_meetings_status_depends_on_today():
    doc = read_webservice_xml(MEETINGS.read_bytes(), today=AFTER)
    assert [m.status for m in doc.meetings] == [MeetingStatus.CANCELLED, MeetingStatus.HELD]
    on_the_day = read_webservice_xml(MEETINGS.read_bytes(), today=date(2026, 2, 10))
    assert on_the_day.meetings[1].status is MeetingStatus.SCHEDULED


def test_moved_new_and_undated_meetings():
    xml = """<getmeetings><committee><committeeid> 7</committeeid>
      <committeetitle> Scrutiny Panel </committeetitle><committeemeetings>
      <meeting><meetingid>1</meetingid><meetingdate>01/12/2025</meetingdate>
        <meetingstatus>Moved</meetingstatus><meetingtime>6.00 p.m.</meetingtime></meeting>
      <meeting><meetingid>2</meetingid><meetingdate>02/12/2025</meetingdate>
        <meetingstatus> New </meetingstatus><meetingtime>7:30 pm</meetingtime></meeting>
      <meeting><meetingid>3</meetingid><meetingdate>
        </meetingdate><meetingstatus>Confirmed</meetingstatus></meeting>
      </committeemeetings></committee></getmeetings>"""
    doc = read_webservice_xml(xml, today=BEFORE)
    assert doc.committee.external_id == "7" and doc.committee.name == "Scrutiny Panel"
    assert [(m.external_id, m.status, m.time) for m in doc.meetings] == [
        ("1", MeetingStatus.MOVED, "18:00"),
        ("2", MeetingStatus.NEW, "19:30"),
    ]
    assert doc.warnings == ["Meeting 3 of Scrutiny Panel has no readable date and was left out."]


# --- GetMeeting ------------------------------------------------------------------

def test_meeting_header():
    doc = read_webservice_xml(MEETING.read_bytes(), today=BEFORE)
    assert doc.kind is DocumentKind.WEBSERVICE_MEETING
    assert doc.title == "Audit Committee, 10 February 2026"
    assert doc.committee.name == "Audit Committee"
    (meeting,) = doc.meetings
    assert meeting.committee == "Audit Committee"
    assert meeting.external_id == "4967"
    assert meeting.date == date(2026, 2, 10)
    assert meeting.time == "10:00"
    assert meeting.status is MeetingStatus.SCHEDULED
    assert meeting.venue == "Council Antechamber, Level 2, Town Hall Extension"
    assert meeting.agenda_published == date(2026, 2, 2)
    assert meeting.source_url is None
    assert read_webservice_xml(MEETING.read_bytes(), today=AFTER).meetings[0].status \
        is MeetingStatus.HELD


def test_meeting_items():
    (meeting,) = read_webservice_xml(MEETING.read_bytes(), today=BEFORE).meetings
    first, second = meeting.items
    assert (first.agenda_number, first.minute_number, first.title) == ("1", "1", "Minutes")
    assert first.description == (
        "To approve as a correct record the minutes of the meeting held on 25 November 2025."
    )
    assert first.minutes_text == (
        "To approve the minutes of the meeting held on 25 November 2025 as a correct record."
    )
    assert first.documents == [DocumentLink(
        title="6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025",
        url="https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860",
        restricted=False,
        attachment_id="60860",
    )]
    assert (second.agenda_number, second.minute_number, second.title) == (
        "9", "9", "Work Programme")
    assert second.description == "The report of the Governance and Scrutiny Support Unit, attached."
    assert second.minutes_text == (
        "The Committee considered a report of the Governance and Scrutiny Support Unit "
        "which set out its future Work Programme for the remainder of 2025/26 municipal year."
    )
    assert [(d.attachment_id, d.title) for d in second.documents] == [
        ("60909", "DRAFT WP FEBRUARY 2026")]
    for item in meeting.items:
        assert item.resolutions == [] and item.discussion == [] and not item.confidential


def test_meeting_attendees():
    (meeting,) = read_webservice_xml(MEETING.read_bytes(), today=BEFORE).meetings
    assert meeting.attendees == [
        Member(name="Councillor Basil Curley", role="Committee Member", attendance=None,
               party="LAB"),
    ]


def test_real_response_with_declaration_and_base_url():
    doc = read_webservice_xml(without_comment(MEETING), base_url="https://democracy.manchester.gov.uk")
    assert doc.meetings[0].source_url == (
        "https://democracy.manchester.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=4967")
    assert len(doc.meetings[0].items) == 2
    assert len(read_webservice_xml(without_comment(COMMITTEES)).committees) == 3
    as_str = without_comment(MEETINGS).decode("utf-8")
    assert len(read_webservice_xml(as_str).meetings) == 2
    assert read_webservice_xml(b"\xef\xbb\xbf" + without_comment(MEETINGS)).meetings


GET_MEETING_WITH_RESOLUTIONS = """<?xml version="1.0" encoding="utf-8"?>
<meeting><meetingid>55</meetingid><meetingdate>08/08/2024</meetingdate>
<meetingstatus>Confirmed</meetingstatus><meetingtime>5.30 pm</meetingtime>
<meetinglocation> Conference Room 3 - Civic Centre </meetinglocation>
<meetingroom> </meetingroom><agendapublished>False</agendapublished>
<agendaitems><agendaitem>
  <agendaitemtitle>Children and Learning - Performance</agendaitemtitle>
  <fulldisplaynumberformat>7.</fulldisplaynumberformat>
  <minutesitemnumber>10</minutesitemnumber>
  <isrestricted>True</isrestricted>
  <refertocommittee>Children and Families Scrutiny Panel</refertocommittee>
  <minutesnonemptyhtmlbody>&amp;lt;p&amp;gt;The Panel discussed a number of points
including:&amp;lt;/p&amp;gt;&amp;lt;ul&amp;gt;&amp;lt;li&amp;gt;re-referrals;&amp;lt;/li&amp;gt;
&amp;lt;li&amp;gt;staffing.&amp;lt;/li&amp;gt;&amp;lt;/ul&amp;gt;
&amp;lt;p&amp;gt;&amp;lt;b&amp;gt;RESOLVED&amp;lt;/b&amp;gt; that the Panel:&amp;lt;/p&amp;gt;
&amp;lt;p&amp;gt;(i) noted the report; and&amp;lt;/p&amp;gt;
&amp;lt;p&amp;gt;(ii) asked for a briefing.&amp;lt;/p&amp;gt;</minutesnonemptyhtmlbody>
  <linkeddocuments><linkeddoc><attachmentid>9</attachmentid>
    <title>Exempt appendix</title><url>documents/s9/Appendix.pdf</url>
    <isrestricted>True</isrestricted></linkeddoc></linkeddocuments>
</agendaitem></agendaitems>
<attendees>
  <attendee name="Councillor A Chair" roledescription="Chair" attendance="Present" politicalparty=" LAB "/>
  <attendee name="Councillor B" roledescription="Committee Member" attendance="Apologies"/>
  <attendee name=" " roledescription="Committee Member" attendance="Present"/>
</attendees></meeting>"""


def test_twice_escaped_minutes_with_resolutions():
    doc = read_webservice_xml(GET_MEETING_WITH_RESOLUTIONS,
                              base_url="https://www.southampton.gov.uk/modernGov/", today=BEFORE)
    (meeting,) = doc.meetings
    assert meeting.committee == "Children and Families Scrutiny Panel"
    assert (meeting.time, meeting.venue, meeting.status) == (
        "17:30", "Conference Room 3 - Civic Centre", MeetingStatus.HELD)
    assert meeting.agenda_published is None
    (item,) = meeting.items
    assert (item.agenda_number, item.minute_number, item.confidential) == ("7", "10", True)
    assert item.minutes_text.startswith("The Panel discussed a number of points including:\n\n"
                                        "• re-referrals;\n• staffing.")
    assert item.discussion == ["re-referrals;", "staffing."]
    assert item.resolutions == [
        Resolution(number="i", text="noted the report; and"),
        Resolution(number="ii", text="asked for a briefing."),
    ]
    assert item.documents == [DocumentLink(
        title="Exempt appendix",
        url="https://www.southampton.gov.uk/modernGov/documents/s9/Appendix.pdf",
        restricted=True, attachment_id="9")]
    assert meeting.attendees == [
        Member(name="Councillor A Chair", role="Chair", attendance="present", party="LAB"),
        Member(name="Councillor B", role="Committee Member", attendance="apologies"),
    ]


def test_soap_envelope():
    body = without_comment(COMMITTEES)[len(DECLARATION):].decode()
    body = body.replace("<committees>", '<committees xmlns="http://moderngov.co.uk/namespaces">', 1)
    soap = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        '<GetCommitteesResponse xmlns="http://moderngov.co.uk/namespaces"><GetCommitteesResult>'
        f"{body}</GetCommitteesResult></GetCommitteesResponse></soap:Body></soap:Envelope>"
    )
    assert looks_like_webservice_xml(soap)
    assert [c.external_id for c in read_webservice_xml(soap).committees] == ["312", "163", "144"]


# --- recognising its own input ---------------------------------------------------

def test_looks_like():
    for path in (COMMITTEES, MEETINGS, MEETING):
        assert looks_like_webservice_xml(path.read_bytes())
        assert looks_like_webservice_xml(without_comment(path).decode())
    for other in ("Agenda_151.html", "CommitteeDetails.html", "ZebraCrossing.pdf"):
        assert not looks_like_webservice_xml((MODERNGOV / other).read_bytes())
    assert not looks_like_webservice_xml(b"")
    assert not looks_like_webservice_xml('{"meeting": 1}')
    assert not looks_like_webservice_xml(b"<rss><channel/></rss>")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<committees><committee><committeetitle>&lol3;</committeetitle></committee></committees>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE meeting [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<meeting><meetingdate>10/02/2026</meetingdate><meetinglocation>&xxe;</meetinglocation></meeting>"""
ENTITIES = "This XML declares entities, which Panelbook does not read for safety."


@pytest.mark.parametrize("data, message", [
    (b"", "This file is empty; it is not ModernGov web-service XML."),
    ("   \n", "This file is empty; it is not ModernGov web-service XML."),
    ((MODERNGOV / "Agenda_151.html").read_bytes(),
     "This is an HTML page, not ModernGov web-service XML."),
    ('{"committees": []}', "This is JSON, not ModernGov web-service XML."),
    ((MODERNGOV / "ZebraCrossing.pdf").read_bytes(),
     "This is not XML, so it is not a ModernGov web-service response."),
    (MEETING.read_bytes()[:2000],
     "This XML is incomplete or damaged; download the web-service response again."),
    (b"<rss version='2.0'><channel><title>News</title></channel></rss>",
     "This XML is not a ModernGov web-service response (GetCommittees, GetMeetings or GetMeeting)."),
    (b"<meeting><meetingid>1</meetingid></meeting>",
     "This ModernGov meeting response has no meeting date, so it cannot be read."),
    (BILLION_LAUGHS, ENTITIES),
    (BILLION_LAUGHS.encode(), ENTITIES),
    (EXTERNAL_ENTITY, ENTITIES),
    (b'<?xml version="1.0"?><!DOCTYPE committees SYSTEM "http://example.com/x.dtd"><committees/>',
     ENTITIES),
])
def test_bad_input(data, message):
    with pytest.raises(UnreadableDocument) as error:
        read_webservice_xml(data)
    assert str(error.value) == message


def test_wrong_type():
    with pytest.raises(UnreadableDocument):
        read_webservice_xml(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300),
    st.integers(min_value=1, max_value=4000).map(lambda n: MEETING.read_bytes()[:n]),
    st.text(alphabet="<>/ab&;!-?x=\"' \n", max_size=200).map(lambda s: "<meeting>" + s),
))
def test_never_any_other_exception(data):
    assert isinstance(looks_like_webservice_xml(data), bool)
    try:
        read_webservice_xml(data)
    except UnreadableDocument as error:
        assert str(error).endswith(".") and "\n" not in str(error)


def test_deeply_nested_minutes_html():
    xml = ("<meeting><meetingdate>10/02/2026</meetingdate><agendaitems><agendaitem>"
           "<minutesnonemptyhtmlbody>" + "&lt;div&gt;" * 20000 + "Noted.</minutesnonemptyhtmlbody>"
           "</agendaitem></agendaitems></meeting>")
    (item,) = read_webservice_xml(xml).meetings[0].items
    assert item.minutes_text == "Noted."
