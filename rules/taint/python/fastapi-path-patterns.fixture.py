# FastAPI validates a parameter against the anchored pattern its Path(), Query() or Annotated metadata gives and
# answers 422 before the handler runs: a pattern of word characters (a literal dot before an extension included)
# leaves no separator or parent folder. One admitting dots anywhere lets `..` through.
import os
from typing import Annotated

from fastapi import FastAPI, Path, Query
from fastapi.responses import FileResponse

app = FastAPI()
ARTIFACTS = "/srv/artifacts"


@app.get("/artifacts/{name}")
def artifact(name: str = Path(..., pattern=r"^[A-Za-z0-9_-]+\.(pdf|png|zip)$")):
    # ok: py.path-traversal.open
    return FileResponse(os.path.join(ARTIFACTS, name))


@app.get("/reports")
def report(name: Annotated[str, Query(pattern=r"^[a-z0-9-]+$")]):
    # ok: py.path-traversal.open
    return FileResponse(os.path.join(ARTIFACTS, "reports", name))


@app.get("/loose/{name}")
def loose(name: str = Path(..., pattern=r"^[\w.]+$")):
    # ruleid: py.path-traversal.open
    return FileResponse(os.path.join(ARTIFACTS, name))


@app.get("/dotted/{name}")
def dotted(name: str = Path(..., pattern=r"^(\w|\.)+$")):
    # ruleid: py.path-traversal.open
    return FileResponse(os.path.join(ARTIFACTS, name))


@app.get("/unanchored")
def unanchored(name: str = Query(pattern=r"[a-z]+")):
    # ruleid: py.path-traversal.open
    return FileResponse(os.path.join(ARTIFACTS, name))
