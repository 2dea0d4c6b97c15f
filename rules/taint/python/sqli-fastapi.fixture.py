from typing import Optional

import psycopg2
from fastapi import Depends, FastAPI
from pydantic import BaseModel

app = FastAPI()
conn = psycopg2.connect("dbname=shop")


def get_user():
    return {"name": "alice"}


class ItemFilter(BaseModel):
    name: Optional[str] = None
    limit: int = 20


@app.get("/items")
def list_items(filters: ItemFilter = Depends()):
    # `Depends()` with no argument builds the parameter's class from the query parameters: input.
    cur = conn.cursor()
    # ruleid: py.sqli.string-query
    cur.execute(f"SELECT * FROM items WHERE name = '{filters.name}'")
    # A typed field is a number once validated.
    # ok: py.sqli.string-query
    cur.execute(f"SELECT * FROM items LIMIT {filters.limit}")
    return cur.fetchall()


@app.get("/items/{item_id}")
def read_item(item_id: str, q: str | None = None):
    cur = conn.cursor()
    # ruleid: py.sqli.string-query
    cur.execute("SELECT * FROM items WHERE id = '%s'" % item_id)
    # ruleid: py.sqli.string-query
    cur.execute(f"SELECT * FROM items WHERE name LIKE '%{q}%'")
    return cur.fetchall()


# ---- negatives ----
@app.get("/orders/{order_id}")
def read_order(order_id: int, user=Depends(get_user)):
    cur = conn.cursor()
    # An int path parameter is validated by FastAPI.
    # ok: py.sqli.string-query
    cur.execute("SELECT * FROM orders WHERE id = " + str(order_id))
    # A dependency is not request input.
    # ok: py.sqli.string-query
    cur.execute("SELECT * FROM orders WHERE owner = '" + user["name"] + "'")
    return cur.fetchall()
