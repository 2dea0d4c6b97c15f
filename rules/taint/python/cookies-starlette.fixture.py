# Starlette's Response.set_cookie (FastAPI's too) defaults samesite to "lax"; secure and httponly stay off unless set.
from fastapi import FastAPI, Response

app = FastAPI()


@app.post("/login")
def login(response: Response, production: bool = True):
    # ok: py.cookies.insecure-cookie
    response.set_cookie(key="session", value="token", httponly=True, secure=production)
    # ok: py.cookies.insecure-cookie
    response.set_cookie("theme", "dark", httponly=True, secure=True, samesite="strict")
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie(key="remember", value="1", httponly=True)
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie(key="prefs", value="1", secure=True, httponly=False)
    return {}


@app.post("/cross-site")
def cross_site(response: Response):
    # No SameSite attribute at all (Starlette writes none for None): the browser's default decides.
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie(key="embed", value="1", httponly=True, secure=True, samesite=None)
    return {}


@app.get("/flags")
def flags(response: Response):
    # A constant flag for the page's scripts: the same for everyone, nothing to steal.
    # ok: py.cookies.insecure-cookie
    response.set_cookie("is_lnbits_user_authorized", "true", max_age=3600)
    # ok: py.cookies.insecure-cookie
    response.set_cookie(key="is_access_token_expired", value="true")
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie("cookie_access_token", token_for(response), httponly=True)
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie("greeting", f"{token_for(response)}")
    return {}
