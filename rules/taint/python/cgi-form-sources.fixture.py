# CGI scripts read the request through the standard library's cgi module (https://docs.python.org/3.12/library/cgi.html,
# removed in 3.13 but still in old servers' code): a FieldStorage holds the submitted form's fields and uploaded
# files, cgi.parse() the query string's. Issue 15, held out 3.
import cgi
import subprocess
from cgi import FieldStorage


def lookup():
    form = cgi.FieldStorage()
    host = form.getvalue("host")
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("host " + host, shell=True)
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["host", host])


def upload():
    form = FieldStorage()
    item = form["file"]
    uploaded = item.file
    # ruleid: py.code-injection.eval
    items = eval(uploaded.read(-1), {"__builtins__": None}, {})
    # ok: py.code-injection.eval
    count = eval(str(int(form.getfirst("count", "0"))))
    return items, count


def query():
    params = cgi.parse()
    # ruleid: py.cmdi.subprocess-shell
    subprocess.call("ping -c 1 " + params["target"][0], shell=True)
