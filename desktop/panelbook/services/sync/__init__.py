"""Following a council's ModernGov site and keeping its papers up to date: the only
place in the app that touches the network.

- ``http_client``: the one HTTP client (OS trust store, system proxy, named User-Agent,
  timeouts, spacing, retries, size caps, only the followed host, conditional requests);
- ``errors``: what can go wrong, each in one sentence;
- ``follow``: finding a site's base, its committees, following and unfollowing them;
- ``run``: ``sync_all``, everything followed brought up to date, with progress and cancel.

Nothing is imported here; each caller names the module it uses.
"""
