# FastAPI admits only an enumeration's members for a parameter typed with one: a parameter defaulting to a member
# of its own type is such an enumeration, even one defined in another module.
from fastapi import FastAPI
from sqlalchemy import text

from .db import session
from .schemas import Defaults, SortField

app = FastAPI()


@app.get("/leaderboard")
def leaderboard(sort: SortField = SortField.revenue, limit: int = 10):
    # ok: py.sqli.string-query
    return session.execute(text(f"SELECT region FROM orders GROUP BY region ORDER BY {sort.value} DESC LIMIT {limit}")).all()


@app.get("/by-name")
def by_name(order: str = Defaults.order):
    # A text parameter whose default is a class's constant is still any text.
    # ruleid: py.sqli.string-query
    return session.execute(text(f"SELECT region FROM orders ORDER BY {order}")).all()


@app.get("/plain")
def plain(sort: SortField):
    # The enumeration known from another module only: not read here.
    # todook: py.sqli.string-query
    return session.execute(text(f"SELECT region FROM orders ORDER BY {sort.value}")).all()
