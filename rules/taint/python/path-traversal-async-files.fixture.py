# Async file access (aiofiles, anyio) and Litestar's File response open the path they are given.
import os

import aiofiles
import anyio
from fastapi import FastAPI
from litestar import get
from litestar.response import File

api = FastAPI()
ROOT = "/srv/exports"


@api.post("/exports/{name}/notes")
async def write_notes(name: str, notes: str):
    # ruleid: py.path-traversal.open
    async with aiofiles.open(ROOT + "/" + name + ".notes", "w") as fh:
        await fh.write(notes)
    # ok: py.path-traversal.open
    async with aiofiles.open(os.path.join(ROOT, os.path.basename(name)), "w") as fh:
        await fh.write(notes)
    # ruleid: py.path-traversal.open
    await aiofiles.os.remove(os.path.join(ROOT, name))
    # ruleid: py.path-traversal.open
    async with await anyio.open_file(os.path.join(ROOT, name)) as fh:
        return {"head": await fh.read(100)}


@get("/file")
async def file(name: str) -> File:
    # ruleid: py.path-traversal.open
    return File(path=os.path.join(ROOT, name))


@get("/file-safe")
async def file_safe(name: str) -> File:
    # ok: py.path-traversal.open
    return File(path=os.path.join(ROOT, os.path.basename(name)), filename="export.csv")
