"""Pieces the readers look for, spliced into fuzzed documents so mutations reach
their deeper branches.  Shared by tests/sources/test_fuzz_readers.py and
benchmarks/fuzz.py (which adds a few PDF-structure markers of its own)."""

MARKERS = [
    b"RESOLVED", b"RESOLVED that", b"RESSOLVED:", b"\nRESOLVED:\n1.\n", b"i)", b"(ii) ", b"\xe2\x80\xa2 1. ",
    b"\nPage 12\n", b"\nPage 0\n", b"\nPage 99999\n", b"\nAgenda Item 3\n", b"(Pages 5 - 10)", b"(Pages 10 - 5)",
    b"(Page 7)", b"\nAGENDA\n", b"\nMinutes:\n", b"\nDecision:\n", b"\nAdditional documents:\n", b"\n8.\n",
    b"\n77/21\n", b"\nNo. Item\n", b"\nVenue: \n", b"\nContact: \n", b"\nPresent:\n", b"\nApologies: ",
    b"Thursday, 8th August, 2024 5.30 pm", b", CANCELLED", b"31/02/2024", b"00/00/0000", b"29/02/2023",
    b"\nMeeting: 20/07/2023 - Panel (Item 9)\n", b"\nIssue - meetings\n", b"Scrutiny Monitoring \xe2\x80\x93 ",
    b"Not complete \xe2\x80\x93 deadline November 2024.", b"DATE OF DECISION: ", b"\nGlossary\n",
    b"<div>", b"</div>", b"</table>", b"<tr><td>", b"<td class='mgItemNumberCell'>", b"<p class='mgAiTitleTxt'>",
    b"<h2 class='mgSubTitleTxt'>", b"&amp;", b"&#0;", b"&#xD800;", b"&bogus;", b"<![CDATA[", b"<!--",
    b"<meeting>", b"</meeting>", b"<agendaitem>", b"<meetingdate>", b"</committees>",
    b"\x00", b"\r", b"\x0c", b"\n\n\n\n\n", b"\t", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3", b"\xe2\x80",
    b"\xef\xbf\xbe", b"\xc2\xa0", b"\xe2\x80\x8b",
]
