import psycopg2
from fastapi import Depends, FastAPI

app = FastAPI()
conn = psycopg2.connect("dbname=shop")


def get_user():
    return {"name": "alice"}


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
