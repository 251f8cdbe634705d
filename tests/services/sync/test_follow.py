"""Following a council's site: its base found from any address on it, its committees
listed (deleted and expired ones hidden unless asked), followed by id or exact name."""
from __future__ import annotations

import pytest
from moderngov_site import PagesSite, ServiceSite

from panelbook.services.sync import follow as following
from panelbook.services.sync.errors import BadAddress, NotFollowed, SiteNotModernGov, SiteUnreachable
from panelbook.services.sync.follow import candidate_bases


def test_the_base_is_the_folder_before_a_moderngov_page():
    assert candidate_bases("https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=1&MId=2") == [
        "https://www.southampton.gov.uk/modernGov/"]
    assert candidate_bases("https://democracy.manchester.gov.uk/mgWebService.asmx") == [
        "https://democracy.manchester.gov.uk/"]
    assert candidate_bases("https://www.council.gov.uk/modernGov") == [
        "https://www.council.gov.uk/modernGov/", "https://www.council.gov.uk/", "https://www.council.gov.uk/democracy/"]


def test_a_site_is_found_from_a_meeting_page_address_and_lists_its_current_committees(server, store):
    site = ServiceSite(server)
    choices = following.site_committees(store, site.base + "ieListDocuments.aspx?CId=144&MId=4967")
    assert [(c.id, c.name, c.followed) for c in choices] == [
        ("163", "Art Galleries Committee", False), ("144", "Audit Committee", False)]
    everything = following.site_committees(store, site.base, include_inactive=True)
    expired = next(c for c in everything if c.id == "312")
    assert not expired.active and expired.name.startswith("Appointment Sub Committee")


def test_committees_are_followed_by_id_or_exact_name_and_unfollowed(server, store):
    site = ServiceSite(server)
    following.follow(store, site.base, ["Audit Committee", "163"])
    assert [(f.committee_id, f.name, f.last_synced) for f in following.followed_committees(store)] == [
        ("163", "Art Galleries Committee", None), ("144", "Audit Committee", None)]
    following.unfollow(store, site.base, ["163"])
    assert [f.committee_id for f in following.followed_committees(store)] == ["144"]
    assert following.followed_committees(store)[0].site == site.base


def test_a_committee_the_site_does_not_have_is_refused_and_nothing_followed(server, store):
    site = ServiceSite(server)
    with pytest.raises(NotFollowed, match="no committee 'Planning'"):
        following.follow(store, site.base, ["144", "Planning"])
    assert following.followed_committees(store) == []


def test_a_site_whose_web_service_is_off_is_read_through_its_pages(server, store):
    PagesSite(server)
    site = following.discover_site(server.url_for("/"))
    assert not site.web_service and "web pages instead" in (site.note or "")
    names = {c.external_id: c.name for c in site.committees}
    assert names["711"] == "Kingston and North Kingston Neighbourhood Committee"
    assert names["137"] == "Council"


def test_an_address_with_no_moderngov_behind_it(server, store):
    server.expect_request("/").respond_with_data("<html><body>A council home page</body></html>",
                                                 content_type="text/html")
    with pytest.raises(SiteNotModernGov, match="No ModernGov committee site was found"):
        following.site_committees(store, server.url_for("/"))
    with pytest.raises(BadAddress, match="only opens http and https"):
        following.discover_site("file:///etc/passwd")


def test_a_site_that_cannot_be_reached_is_one_sentence(store):
    with pytest.raises(SiteUnreachable):
        following.discover_site("http://127.0.0.1:9/")


def test_unfollowing_works_offline_for_a_site_already_followed(server, store):
    site = ServiceSite(server)
    following.follow(store, site.base, ["144"])
    server.stop()
    following.unfollow(store, site.base, ["Audit Committee"])
    assert following.followed_committees(store) == []
