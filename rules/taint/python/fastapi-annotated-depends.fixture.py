# FastAPI passes a parameter annotated `Annotated[T, Depends(f)]` (or `Security(f)`) the value f returns, not the
# request's: the request reaches f's own parameters instead. Applications name such annotations once as module
# aliases (`CurrentUser = Annotated[User, Depends(get_current_user)]`) and use the alias in every endpoint.
# `Annotated[str, Query()]` is input as before, through an alias too.
import logging
import subprocess
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, Query, Security

app = FastAPI()
log = logging.getLogger(__name__)


class User:
    email: str


def get_current_user() -> User:
    return User()


def get_db():
    yield None


CurrentUser = Annotated[User, Depends(get_current_user)]
DbSession = Annotated[object, Depends(get_db)]
Token = Annotated[str, Security(get_current_user)]
SearchTerm = Annotated[str, Query(max_length=50)]
MaybeUser = Optional[CurrentUser]


@app.get("/me")
def me(current_user: CurrentUser, db: DbSession):
    # ok: py.log-injection.logging
    log.info(f"MFA check for {current_user.email}")
    # ok: py.cmdi.subprocess-shell
    subprocess.run("audit " + current_user.email, shell=True)
    return {}


@app.get("/inline")
def inline(user: Annotated[User, Depends(get_current_user)], token: Token, maybe: MaybeUser = None):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(f"audit {user.email} {token} {maybe}", shell=True)
    return {}


@app.get("/search")
def search(q: SearchTerm, raw: Annotated[str, Query()], user: CurrentUser):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("grep " + q, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("grep " + raw, shell=True)
    return {}
