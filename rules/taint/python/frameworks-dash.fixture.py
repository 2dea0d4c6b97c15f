# Plotly Dash callbacks: each parameter is an Input's or State's value, sent by the browser.
import subprocess

import dash
import pandas as pd
from dash import Dash, Input, Output, State, callback, dcc, html
from sqlalchemy import create_engine

engine = create_engine("postgresql://reports@localhost/reports")
app = Dash(__name__)


@callback(Output("bio-view", "children"), Input("bio", "value"))
def show_bio(bio):
    # ruleid: py.xss.html-response
    return dcc.Markdown(bio, dangerously_allow_html=True)


@callback(Output("bio-plain", "children"), Input("bio", "value"))
def show_bio_plain(bio):
    # Markdown without raw HTML, and text children, are escaped by React.
    # ok: py.xss.html-response
    return [dcc.Markdown(bio), html.P(bio)]


@app.callback(Output("preview", "children"), Input("page", "value"), State("mode", "value"))
def preview(page, mode):
    # ruleid: py.xss.html-response
    return html.Iframe(srcDoc=page, sandbox=mode)


@app.callback(Output("sales", "data"), Input("region", "value"))
def sales(region):
    # ruleid: py.sqli.string-query
    frame = pd.read_sql(f"SELECT * FROM sales WHERE region = '{region}'", engine)
    return frame.to_dict("records")


@app.callback(Output("sales-bound", "data"), Input("region", "value"))
def sales_bound(region):
    # ok: py.sqli.string-query
    frame = pd.read_sql_query("SELECT * FROM sales WHERE region = %(r)s", engine, params={"r": region})
    return frame.to_dict("records")


@dash.callback(Output("export", "children"), Input("export-name", "value"))
def export(name):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"export-report --name {name}", shell=True)
    return "started"


@callback(Output("export-fixed", "children"), Input("export-name", "value"))
def export_fixed(name):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["export-report", "--name", name])
    return "started"
