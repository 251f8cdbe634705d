"""Recognise the pages that web firewalls and bot filters answer with instead of the
page asked for (Cloudflare's challenge, Imperva/Incapsula, Akamai, Sucuri, a captcha).

Such a page is never data: a sync that meets one stops asking that site and says
"the council's site refused automated access".  These are cheap looks at the first
part of the answer, never a parse.
"""
from __future__ import annotations

import re

_HEAD_CHARS = 16384

# Phrases and markers of the common bot filters' block and challenge pages.
_MARKERS = re.compile(
    r"cf-chl-|cf_chl_|challenge-platform|<title>\s*just a moment\.\.\.|attention required! \| cloudflare"
    r"|cf-error-details|incapsula incident|_incapsula_resource|request unsuccessful\. incapsula"
    r"|pardon our interruption|access denied</title>.{0,2000}reference\s*#|errors\.edgesuite\.net"
    r"|sucuri website firewall|access denied - sucuri|are you a robot|g-recaptcha|h-captcha|hcaptcha\.com"
    r"|unusual traffic from your|automated (?:access|requests?|queries) (?:is|are|has been) (?:blocked|denied)"
    r"|bot protection|ddos protection by|please enable (?:javascript and )?cookies to continue"
    r"|the requested url was rejected\. please consult with your administrator",
    re.IGNORECASE | re.DOTALL,
)

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def as_head(data: bytes | str) -> str:
    """The first part of an answer as text, for looking at only."""
    if isinstance(data, str):
        return data[:_HEAD_CHARS]
    return data[:_HEAD_CHARS].decode("utf-8", errors="replace")


def looks_like_html(data: bytes | str) -> bool:
    """True when the answer is an HTML page (a doctype, or an html/head/body element first)."""
    return bool(_HTML_START.match(as_head(data).lstrip("\ufeff")))


def looks_like_bot_block(data: bytes | str) -> bool:
    """True when the answer is a bot filter's block or challenge page."""
    return bool(_MARKERS.search(as_head(data)))
