# False positives seen on real libraries (docs/accuracy.md, "Taint precision on 40 more libraries"), written for
# this file. A `todook` until a source like `request.headers` can be limited to server requests.
import logging

logger = logging.getLogger(__name__)


class CachingAdapter:
    """An HTTP client's cache: `request` is the outgoing request this client is about to send."""

    def lookup(self, request):
        for directive in request.headers.get("cache-control", "").split(","):
            # todook: py.log-injection.logging
            logger.debug("unknown cache directive %s", directive)
