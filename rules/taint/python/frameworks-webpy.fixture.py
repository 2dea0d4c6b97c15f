# web.py: web.input() holds the query and form fields, web.data() the raw body, web.cookies() the cookies.
import subprocess

import web

urls = ("/ping", "Ping", "/raw", "Raw")


class Ping:
    def GET(self):
        i = web.input(host="localhost")
        # ruleid: py.cmdi.subprocess-shell
        return subprocess.check_output("ping -c 1 " + i.host, shell=True)


class Raw:
    def POST(self):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("job " + web.data().decode(), shell=True)
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("theme " + web.cookies().get("theme", ""), shell=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.run("uptime", shell=True)
