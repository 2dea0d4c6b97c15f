# BlackSheep (https://www.neoteroi.dev/blacksheep/): route parameters come from the query, route, headers or body
# (FromQuery, FromJSON … or a plain type); a parameter of another type is a service its container injects.
import subprocess
from dataclasses import dataclass

from blacksheep import Application, FromJSON, FromQuery, get, post

app = Application()


@dataclass
class Job:
    name: str


class ToolsService:
    base = "/opt/tools"


@get("/ping")
async def ping(host: str):
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.check_output("ping -c 1 " + host, shell=True).decode()


@post("/jobs")
async def jobs(job: FromJSON[Job], verbose: FromQuery[str]):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("job " + job.value.name, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("job --verbose " + verbose.value, shell=True)


@get("/tools")
async def tools(service: ToolsService, n: int):
    # An injected service and a number.
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output("ls " + service.base + " | head -" + str(n), shell=True).decode()
