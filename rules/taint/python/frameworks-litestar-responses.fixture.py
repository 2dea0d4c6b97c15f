# Litestar's own responses: an HTML Response built from input, and a Redirect to input.
import html

from litestar import MediaType, Response, get
from litestar.response import Redirect


@get("/welcome", media_type=MediaType.HTML)
async def welcome(name: str = "there") -> Response:
    # ruleid: py.xss.html-response
    return Response(content=f"<h1>Welcome, {name}!</h1>", media_type=MediaType.HTML)


@get("/welcome-text")
async def welcome_text(name: str = "there") -> Response:
    # ok: py.xss.html-response
    return Response(content=f"Welcome, {name}!", media_type=MediaType.TEXT)


@get("/welcome-safe", media_type=MediaType.HTML)
async def welcome_safe(name: str = "there") -> Response:
    # ok: py.xss.html-response
    return Response(f"<h1>Welcome, {html.escape(name)}!</h1>", media_type="text/html; charset=utf-8")


@get("/welcome-raw")
async def welcome_raw(name: str = "there") -> Response:
    # ruleid: py.xss.html-response
    return Response(f"<h1>Welcome, {name}!</h1>", media_type="text/html")


@get("/continue")
async def continue_to(next_url: str = "/") -> Redirect:
    # ruleid: py.open-redirect.redirect
    return Redirect(path=next_url)


@get("/continue-safe")
async def continue_safe(next_url: str = "/") -> Redirect:
    target = next_url if next_url.startswith("/") and not next_url.startswith(("//", "/\\")) else "/"
    # ok: py.open-redirect.redirect
    return Redirect(path=target)
