import sqlite3
import subprocess

import panel as pn

pn.extension()
db = sqlite3.connect("probes.db")

region = pn.widgets.Select(name="Region", options=["eu-west", "us-east"])
host_filter = pn.widgets.TextInput(name="Host prefix")
formula = pn.widgets.TextInput(name="Transform", value="x")
output = pn.pane.Str("")
banner = pn.Column()


def on_filter(event):
    # ruleid: py.sqli.string-query
    rows = db.execute(f"SELECT host FROM probes WHERE host LIKE '{host_filter.value}%'").fetchall()
    # ok: py.sqli.string-query
    rows = db.execute(f"SELECT host FROM probes WHERE region = '{region.value}'").fetchall()
    output.object = str(rows)
    # ruleid: py.xss.html-response
    banner.objects = [pn.pane.HTML(f"<b>Hosts starting with {host_filter.value}</b>")]
    # ok: py.xss.html-response
    banner.objects = [pn.pane.HTML(f"<b>Region {region.value}</b>")]


def on_transform(event):
    # ruleid: py.code-injection.eval
    output.object = str(eval(formula.value, {"x": 1}))


def on_ping(event):
    target = pn.widgets.TextInput(name="Target").value
    # ruleid: py.cmdi.subprocess-shell
    output.object = subprocess.run(f"ping -c 1 {target}", shell=True, capture_output=True, text=True).stdout


host_filter.param.watch(on_filter, "value")
formula.param.watch(on_transform, "value")
pn.Column(region, host_filter, formula, output, banner).servable()
