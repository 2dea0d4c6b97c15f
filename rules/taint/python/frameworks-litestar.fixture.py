# Litestar route handlers (@get, @post … from litestar): query, path and body (`data`) parameters are request input.
import subprocess
from typing import Any

from litestar import Controller, Litestar, Request, get, post
from litestar.di import Provide
from litestar.params import Dependency, Parameter


@get("/convert")
async def convert(src: str, request: Request) -> str:
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.check_output("convert " + src + " out.png", shell=True).decode()


@post("/jobs")
async def create_job(data: dict[str, Any]) -> None:
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"run-job {data['name']}", shell=True)


@get("/files/{name:str}")
async def read_file(name: str, q: str = Parameter(query="search")) -> str:
    # ruleid: py.path-traversal.open
    with open("/srv/files/" + name) as f:
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("grep " + q + " /srv/index", shell=True)
        return f.read()


class ToolsController(Controller):
    path = "/tools"

    @get("/ping")
    async def ping(self, host: str) -> str:
        # ruleid: py.cmdi.subprocess-shell
        return subprocess.check_output("ping -c 1 " + host, shell=True).decode()


# ---- not findings ----


class UserService:
    async def name_of(self, user_id: int) -> str:
        return "x"


@get("/me", dependencies={"users_service": Provide(UserService)})
async def me(users_service: UserService, user_id: int) -> str:
    # A dependency injected by its name (its type is no plain type): the application's own object.
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output("finger " + await users_service.name_of(user_id), shell=True).decode()


def tools_dir() -> str:
    return "/opt/tools"


@get("/count", dependencies={"base": Provide(tools_dir)})
async def count(n: int, base: str = Dependency()) -> str:
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output("seq " + str(n), shell=True).decode()


@get("/list")
async def list_tools(base: str = Dependency(skip_validation=True)) -> str:
    # An injected dependency is the application's value.
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output("ls " + base, shell=True).decode()


app = Litestar([convert, create_job, read_file, count, list_tools, ToolsController])
