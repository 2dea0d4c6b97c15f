import sqlite3
import subprocess

import flet as ft

db = sqlite3.connect("notes.db")


def main(page: ft.Page):
    tag = ft.TextField(label="Tag filter")
    name = ft.TextField(label="Backup name", value="notes")
    mode = ft.Dropdown(options=[ft.dropdown.Option("full"), ft.dropdown.Option("diff")])
    results = ft.Column()

    def on_search(e):
        # ruleid: py.sqli.string-query
        rows = db.execute("SELECT body FROM notes WHERE tag = '" + tag.value + "'").fetchall()
        # ok: py.sqli.string-query
        rows = db.execute("SELECT body FROM notes WHERE tag = ?", (tag.value,)).fetchall()
        results.controls = [ft.Text(r[0]) for r in rows]
        page.update()

    def on_backup(e):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"tar czf /backups/{name.value}.tgz notes.db", shell=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.run(["tar", "czf", f"/backups/{mode.value}.tgz", "notes.db"])

    page.add(tag, name, mode, ft.ElevatedButton("Search", on_click=on_search), ft.ElevatedButton("Backup", on_click=on_backup), results)


ft.app(target=main, view=ft.AppView.WEB_BROWSER)
