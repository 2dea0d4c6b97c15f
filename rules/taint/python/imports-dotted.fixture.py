# `import aiohttp.web` imports the module aiohttp.web (and binds the name aiohttp): a source that requires a web
# framework's import must see it as `from aiohttp import web` is seen.
import subprocess

import aiohttp.web


async def archive(request):
    name = request.query.get("name", "")
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("tar czf /tmp/out.tgz " + name, shell=True)
    # No shell command, but the input is an option of tar when it starts with "-".
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["tar", "czf", "/tmp/out.tgz", name])
    return aiohttp.web.Response(text="ok")


app = aiohttp.web.Application()
app.router.add_get("/archive", archive)
