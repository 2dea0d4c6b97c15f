# NiceGUI: a page's parameters come from the URL; a text field's value is what the visitor typed.
import html
import sqlite3
import subprocess

from nicegui import ui


@ui.page("/report")
def report_page(team: str = "core", title: str = "Weekly report", limit: int = 10):
    # ruleid: py.xss.html-response
    ui.html(f"<h2>{title}</h2>")
    # ok: py.xss.html-response
    ui.html(f"<p>Team: {html.escape(team)}</p>")
    # ok: py.xss.html-response
    ui.html(f"<p>Top {limit}</p>")


@ui.page("/continue")
def continue_page(next: str = "/"):
    # ruleid: py.open-redirect.redirect
    ui.timer(1.0, lambda: ui.navigate.to(next), once=True)
    # ok: py.open-redirect.redirect
    ui.button("Home", on_click=lambda: ui.navigate.to("/"))


@ui.page("/")
def index():
    host = ui.input("Host")

    def on_ping():
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"ping -c 1 {host.value}", shell=True, check=False)
        # ok: py.cmdi.subprocess-shell
        subprocess.run(["ping", "-c", "1", "--", host.value], check=False)

    ui.button("Ping", on_click=on_ping)

    query = ui.textarea("Search")

    def on_search():
        conn = sqlite3.connect("ops.db")
        # ruleid: py.sqli.string-query
        conn.execute("SELECT id FROM incidents WHERE title LIKE '%" + query.value + "%'")
        # ok: py.sqli.string-query
        conn.execute("SELECT id FROM incidents WHERE title LIKE ?", (f"%{query.value}%",))

    ui.button("Search", on_click=on_search)
