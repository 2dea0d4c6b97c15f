# Reflex: a State's methods are event handlers, called from the browser with the event's data.
import os
import subprocess

import reflex as rx
import yaml

REPORTS = os.path.realpath("reports")


class DashboardState(rx.State):
    status: str = ""

    def export_table(self, form_data: dict):
        table = form_data.get("table", "products")
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"sqlite3 -csv app.db 'SELECT * FROM {table}'", shell=True, check=False)

    def import_settings(self, form_data: dict):
        # ruleid: py.deserialization.yaml-load
        self.settings = yaml.load(form_data.get("settings", ""), Loader=yaml.Loader)
        # ok: py.deserialization.yaml-load
        self.settings = yaml.safe_load(form_data.get("settings", ""))

    def open_note(self, name: str):
        # ruleid: py.path-traversal.open
        with open(f"notes/{name}", encoding="utf-8") as fh:
            self.status = fh.read()

    def open_page(self, page: int):
        # ok: py.path-traversal.open
        with open(f"notes/{page}.md", encoding="utf-8") as fh:
            self.status = fh.read()

    def finish(self, form_data: dict):
        # ruleid: py.open-redirect.redirect
        return rx.redirect(form_data.get("next", "/"))

    def home(self):
        # ok: py.open-redirect.redirect
        return rx.redirect("/")

    def load_category(self):
        category = self.router.page.params.get("category", "general")
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("grep -l " + category + " data/*.csv", shell=True, check=False)
