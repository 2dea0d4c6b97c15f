import subprocess

import typer

app = typer.Typer()


# A CLI's own arguments are the operator's, not a remote user's (the library-input audit rule still sees a
# public function's parameter reach a shell).
@app.command()
def deploy(name: str):
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.library-input-shell
    subprocess.run(f"./deploy.sh {name}", shell=True)


@app.command("rollback")
def rollback(name: str):
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.library-input-shell
    subprocess.run(f"./rollback.sh {name}", shell=True)
