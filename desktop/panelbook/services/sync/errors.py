"""What can go wrong talking to a council's ModernGov site, each said in one sentence.

Every error here is a ``SyncError`` carrying the address it was about; the message is
the one sentence the person is told (the command line prints it, the window shows it).
Nothing was changed in the store when one of these is raised for a whole site; during a
sync, one failed document or meeting is recorded in the report's ``errors`` and the
sync goes on.
"""
from __future__ import annotations


class SyncError(Exception):
    """A problem reaching or reading a council's site; ``url`` is what was asked for."""

    def __init__(self, message: str, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class BadAddress(SyncError):
    """The address is not an http(s) web address Panelbook will follow."""


class SiteUnreachable(SyncError):
    """No answer at all: no network, the name does not resolve, refused, timed out."""


class BadCertificate(SyncError):
    """The site's security certificate could not be checked against the system's store."""


class BotBlocked(SyncError):
    """The site (or a firewall in front of it) answered with a page refusing automated access."""


class OffSite(SyncError):
    """The site sent Panelbook to another host, which it never follows."""


class AnswerTooLarge(SyncError):
    """An answer or a document was larger than Panelbook's limit for it."""


class AnswerBroken(SyncError):
    """The answer stopped part-way (the connection dropped) or the server kept failing."""


class SlowAnswer(SyncError):
    """The site took longer than the read timeout to answer one request (the site is there)."""


class ServiceRefused(SyncError):
    """The web service is switched off or refused (403, or an HTML page where XML was expected)."""


class SiteNotModernGov(SyncError):
    """Nothing at the address looks like a ModernGov site."""


class NotFollowed(ValueError):
    """A committee asked for is not one of the site's (by id or exact name): a bad request,
    not a problem with the site."""


class SyncCancelled(Exception):
    """The person cancelled the sync; what landed stays, the rest is fetched next time."""
