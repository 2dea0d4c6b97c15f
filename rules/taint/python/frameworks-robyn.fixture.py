# Robyn (https://robyn.tech): a route's `request: Request` carries the query, path params, headers and body.
import subprocess

from robyn import Request, Robyn

app = Robyn(__file__)


@app.get("/ping")
async def ping(request: Request):
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.check_output("ping -c 1 " + request.query_params.get("h", ""), shell=True).decode()


@app.post("/jobs")
async def jobs(request: Request):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("job " + request.json()["name"], shell=True)
    # ok: py.cmdi.subprocess-shell
    subprocess.run("job --list", shell=True)
    return "ok"
