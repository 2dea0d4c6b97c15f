# The server shape beside real-libraries.fixture.py: the same bare `request.headers`, in a Django view, is input.
import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def cache_probe(request):
    for directive in request.headers.get("cache-control", "").split(","):
        # ruleid: py.log-injection.logging
        logger.debug("unknown cache directive %s", directive)
    return HttpResponse("ok")
