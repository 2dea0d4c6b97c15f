# False positives seen on real libraries (docs/accuracy.md, "Taint precision on 40 more libraries"), written for
# this file. A bare `request.headers` is a server request only in a file importing a web framework (the source's
# `requires-import`); real-libraries-server.fixture.py holds the server shape, still reported.
import logging

logger = logging.getLogger(__name__)


class CachingAdapter:
    """An HTTP client's cache: `request` is the outgoing request this client is about to send."""

    def lookup(self, request):
        for directive in request.headers.get("cache-control", "").split(","):
            # ok: py.log-injection.logging
            logger.debug("unknown cache directive %s", directive)
