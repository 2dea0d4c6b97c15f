# FastAPI's Jinja2Templates: the context dict of TemplateResponse (templates/ beside this file).
from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates

app = FastAPI()
templates = Jinja2Templates(directory="templates")


@app.get("/profile")
def profile(request: Request, bio: str, name: str):
    # ruleid: py.xss.template-raw-output
    return templates.TemplateResponse("tx_profile.html", {"request": request, "bio": bio, "name": name})


@app.get("/profile/name")
def profile_name(request: Request, name: str):
    # ok: py.xss.template-raw-output
    return templates.TemplateResponse(request, "tx_profile.html", {"request": request, "name": name})
