"""Command-line commands (Click, Typer, Flask's CLI): the command line calls them with its own user's words."""
import os
import subprocess

import click
import typer

app = typer.Typer()


@click.group()
def translate():
    pass


@translate.command()
@click.argument("lang")
def init(lang):
    # ok: py.cmdi.library-input-shell
    os.system("pybabel init -i messages.pot -d translations -l " + lang)


@app.command()
def deploy(env: str):
    # ok: py.cmdi.library-input-shell
    subprocess.run(f"make deploy ENV={env}", shell=True)


def rebuild(target):
    # A plain public function of the module: its callers may pass anything.
    # ruleid: py.cmdi.library-input-shell
    os.system("make " + target)
