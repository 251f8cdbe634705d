"""A council's ModernGov site on the test server: the recorded real answers (``tests/fixtures/moderngov/``)
with the council's host rewritten to the test server, real PDFs behind the document
links, and the changed copies a test asks for, each change made here by name.

Manchester's web service (committee 144, the Audit Committee; meetings 4966, cancelled,
and 4967, with minutes) is the web-service site; Kingston's pages (committee 711) are
the site whose web service is switched off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from panelbook.services.sync.http_client import HttpPolicy
from testdata import REPO

# A client policy whose waits are short, so the fault tests stay fast.
FAST = HttpPolicy(connect_timeout_s=2.0, read_timeout_s=0.5, spacing_s=0.0, retries=2, backoff_s=0.01,
                  max_retry_after_s=0.2, max_answer_bytes=1024 * 1024, max_document_bytes=4 * 1024 * 1024)

ANSWERS = REPO / "tests" / "fixtures" / "moderngov"
PACK_PDF = (REPO / "resources" / "sample" / "2024-08-08 agenda pack (rebuilt).pdf").read_bytes()
REPORT_PDF = (ANSWERS / "ZebraCrossing.pdf").read_bytes()
OTHER_PDF = (ANSWERS / "pdf_kent_cabinet_2025-01-30_printed_minutes.pdf").read_bytes()
MANCHESTER = "https://democracy.manchester.gov.uk/"


def recorded(name: str) -> str:
    """A recorded answer as served: the researcher's comment line in front removed (the
    real answers begin with the XML declaration)."""
    text = (ANSWERS / name).read_text(encoding="utf-8")
    return re.sub(r"^<!--.*?-->\s*", '<?xml version="1.0" encoding="utf-8"?>\n', text, count=1, flags=re.S)


def _linkeddoc(attachment: str, title: str, url: str) -> str:
    return (f"<linkeddoc><attachmentid>{attachment}</attachmentid><title>{title}</title><isurl>False</isurl>"
            f"<url>{url}</url><isrestricted>False</isrestricted><restrictionsRef>\n</restrictionsRef>"
            "<itemnum>1</itemnum><publicationdate>03/02/2026</publicationdate><meetingdate>10/02/2026</meetingdate>"
            "<committeetitle>Audit Committee</committeetitle><isdecisionattachment>False</isdecisionattachment>"
            "</linkeddoc>")


@dataclass
class ServiceSite:
    """Manchester's web service as it stands now; the tests change it between syncs."""

    server: HTTPServer
    cancelled_4967: bool = False
    minutes_published: bool = True
    supplement: bool = False
    work_programme_removed: bool = False
    documents: dict[str, bytes] = field(default_factory=dict)
    service_off: bool = False
    moved_4967: bool = False
    faults: dict[str, object] = field(default_factory=dict)    # document address -> handler(request)

    def __post_init__(self) -> None:
        self.base = self.server.url_for("/")
        self.documents = {
            "mgConvert2PDF.aspx?ID=60860": REPORT_PDF,
            "mgConvert2PDF.aspx?ID=60909": OTHER_PDF,
            "mgChooseDocPack.aspx?ID=4967": PACK_PDF,
            "mgConvert2PDF.aspx?ID=61000": OTHER_PDF,
        }
        self.server.expect_request("/mgWebService.asmx/GetCommittees").respond_with_handler(self._committees)
        self.server.expect_request("/mgWebService.asmx/GetMeetings").respond_with_handler(self._meetings)
        self.server.expect_request("/mgWebService.asmx/GetMeeting").respond_with_handler(self._meeting)
        for path in ("/mgConvert2PDF.aspx", "/mgChooseDocPack.aspx"):
            self.server.expect_request(path).respond_with_handler(self._document)

    def host_rewritten(self, text: str) -> str:
        return text.replace(MANCHESTER, self.base)

    def _xml(self, text: str) -> Response:
        if self.service_off:
            return Response("<html><body><h1>Web service disabled</h1></body></html>", status=403,
                            content_type="text/html")
        return Response(self.host_rewritten(text), content_type="text/xml; charset=utf-8")

    def _committees(self, _request: Request) -> Response:
        return self._xml(recorded("mg_GetCommittees_manchester.xml"))

    def _meetings(self, request: Request) -> Response:
        text = recorded("mg_GetMeetings_manchester.xml")
        if request.args.get("lCommitteeId") != "144":
            text = re.sub(r"<committee>.*</committee>", "", text, flags=re.S)
        if self.moved_4967:          # changed copy: meeting 4967 rescheduled to 17/02/2026
            text = text.replace("<meetingdate>10/02/2026</meetingdate>", "<meetingdate>17/02/2026</meetingdate>")
        if self.cancelled_4967:      # changed copy: meeting 4967 flipped to Cancelled
            text = text.replace("<meetingid>4967</meetingid>\n        <meetingdate>10/02/2026</meetingdate>\n"
                                "        <meetingstatus>Confirmed</meetingstatus>",
                                "<meetingid>4967</meetingid>\n        <meetingdate>10/02/2026</meetingdate>\n"
                                "        <meetingstatus>Cancelled</meetingstatus>")
        return self._xml(text)

    def meeting_4967(self) -> str:
        text = recorded("mg_GetMeeting_with_minutes_manchester.xml")
        if self.moved_4967:          # changed copy: the meeting rescheduled a week later
            text = text.replace("<meetingdate>10/02/2026</meetingdate>", "<meetingdate>17/02/2026</meetingdate>")
        if self.cancelled_4967:      # changed copy: the meeting cancelled
            text = text.replace("<meetingstatus>Confirmed</meetingstatus>", "<meetingstatus>Cancelled</meetingstatus>")
        if not self.minutes_published:   # changed copy: as it stood before the minutes were published
            text = text.replace("<minutepublished>True</minutepublished>", "<minutepublished>False</minutepublished>")
            text = re.sub(r"<minutesnonemptyhtmlbody>.*?</minutesnonemptyhtmlbody>", "", text, flags=re.S)
            text = text.replace("<isminutepublished>True</isminutepublished>",
                                "<isminutepublished>False</isminutepublished>")
        if self.supplement:          # changed copy: a supplement added to an item's linked documents
            text = text.replace("</linkeddocuments>", _linkeddoc(
                "61000", "Supplement - Audit Committee update", f"{MANCHESTER}mgConvert2PDF.aspx?ID=61000")
                + "</linkeddocuments>", 1)
        if self.work_programme_removed:   # changed copy: the work programme document taken down
            text = re.sub(r"<linkeddoc>\s*<attachmentid>60909</attachmentid>.*?</linkeddoc>", "", text, flags=re.S)
        return text

    def meeting_4966(self) -> str:
        """Changed copy of 4967's answer for the cancelled meeting 4966 (13/01/2026): its
        own id, date and status, no agenda published, no items."""
        text = recorded("mg_GetMeeting_with_minutes_manchester.xml")
        text = text.replace("<meetingid>4967</meetingid>", "<meetingid>4966</meetingid>")
        text = text.replace("<agendaid>4967</agendaid>", "<agendaid>4966</agendaid>")
        text = text.replace("<meetingdate>10/02/2026</meetingdate>", "<meetingdate>13/01/2026</meetingdate>", 1)
        text = text.replace("<meetingstatus>Confirmed</meetingstatus>", "<meetingstatus>Cancelled</meetingstatus>")
        text = text.replace("<agendapublished>True</agendapublished>", "<agendapublished>False</agendapublished>")
        text = text.replace("<minutepublished>True</minutepublished>", "<minutepublished>False</minutepublished>")
        return re.sub(r"<agendaitems>.*</agendaitems>", "<agendaitems>\n  </agendaitems>", text, flags=re.S)

    def _meeting(self, request: Request) -> Response:
        meeting = request.args.get("lMeetingId")
        if meeting == "4967":
            return self._xml(self.meeting_4967())
        if meeting == "4966":
            return self._xml(self.meeting_4966())
        return Response("Not found", status=404)

    def _document(self, request: Request) -> Response:
        key = request.path.lstrip("/") + "?" + request.query_string.decode()
        fault = self.faults.get(key)
        if callable(fault):
            answer = fault(request)
            if answer is not None:
                return answer
        body = self.documents.get(key)
        if body is None:
            return Response("Not found", status=404)
        return Response(body, content_type="application/pdf")

    def requested(self) -> list[str]:
        """Every path and query asked for so far, in order."""
        return [r.full_path.rstrip("?") for r, _ in self.server.log]


@dataclass
class PagesSite:
    """Kingston's site with its web service switched off: the committee list, the meeting
    list and one meeting's page, as recorded."""

    server: HTTPServer

    def __post_init__(self) -> None:
        self.base = self.server.url_for("/")
        off = Response("<!DOCTYPE html><html><head><title>Service Unavailable</title></head>"
                       "<body>The web service is not available.</body></html>", status=403, content_type="text/html")
        self.server.expect_request(re.compile(r"/mgWebService\.asmx/.*")).respond_with_response(off)
        self.server.expect_request("/mgCommitteeStructure.aspx").respond_with_data(
            (ANSWERS / "CommitteeStructure.html").read_bytes(), content_type="text/html")
        self.server.expect_request("/ieListMeetings.aspx").respond_with_data(
            (ANSWERS / "BrowseMeetings.html").read_bytes(), content_type="text/html")
        self.server.expect_request("/ieListDocuments.aspx", query_string={"CId": "711", "MId": "10221", "Ver": "4"}
                                   ).respond_with_data((ANSWERS / "Agenda_151.html").read_bytes(),
                                                       content_type="text/html")
        self.server.expect_request(re.compile(r"/documents/.*")).respond_with_data(REPORT_PDF,
                                                                                   content_type="application/pdf")
