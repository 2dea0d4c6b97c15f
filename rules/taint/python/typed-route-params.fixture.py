# Route parameters FastAPI converts before the view runs: one annotated with a non-string type (int, UUID, an Enum
# of this file, Literal[...], a constrained int, Annotated[int, Path()]) is validated and converted, so no string
# reaches the view. `str`, untyped parameters and a union with `str` stay input. Starlette's `{id:int}` converter
# converts the URL variable whatever its annotation.
import enum
from enum import Enum, IntEnum
from typing import Annotated, Literal, Optional

from fastapi import FastAPI, Path, Query
from pydantic import PositiveInt, conint

app = FastAPI()
DATA = "/srv/data"


class ImageType(str, Enum):
    original = "original.webp"
    small = "min-original.webp"


class Size(IntEnum):
    small = 1
    large = 2


class Kind(enum.Enum):
    a = "a"


class NotAnEnum(str):
    pass


@app.get("/images/{file_name}")
def image(file_name: ImageType):
    # ok: py.path-traversal.open
    return open(DATA + "/" + file_name.value)


@app.get("/sized/{size}")
def sized(size: Size, kind: Kind):
    # ok: py.path-traversal.open
    return open(f"{DATA}/{size}/{kind}")


@app.get("/mode/{mode}")
def mode(mode: Literal["a", "b"]):
    # ok: py.path-traversal.open
    return open(DATA + "/" + mode)


@app.get("/page")
def page(n: Annotated[int, Query(ge=1)] = 1, m: Optional[Annotated[int, Path()]] = None):
    # ok: py.path-traversal.open
    return open(f"{DATA}/{n}-{m}")


@app.get("/positive/{n}")
def positive(n: PositiveInt, k: conint(ge=0)):
    # ok: py.path-traversal.open
    return open(f"{DATA}/{n}/{k}")


@app.get("/named/{name}")
def named(name: str, n: Annotated[int, Query()]):
    # ruleid: py.path-traversal.open
    return open(f"{DATA}/{name}/{n}")


@app.get("/annotated/{name}")
def annotated(name: Annotated[str, Path()]):
    # ruleid: py.path-traversal.open
    return open(DATA + "/" + name)


@app.get("/untyped/{name}")
def untyped(name):
    # ruleid: py.path-traversal.open
    return open(DATA + "/" + name)


@app.get("/subclass/{name}")
def subclass(name: NotAnEnum):
    # ruleid: py.path-traversal.open
    return open(DATA + "/" + name)


@app.get("/literal-str/{name}")
def literal_str(name: Literal["a"] | str):
    # ruleid: py.path-traversal.open
    return open(DATA + "/" + name)


@app.get("/items/{item_id:int}")
def item(item_id):
    # ok: py.path-traversal.open
    return open(f"{DATA}/{item_id}")


@app.get("/paths/{rest:path}")
def rest_path(rest):
    # ruleid: py.path-traversal.open
    return open(f"{DATA}/{rest}")
