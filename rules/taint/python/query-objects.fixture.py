# Query objects built from input and read by field elsewhere (held out 26): not followed yet, kept here so that
# closing the gap shows up in the tests.
import sqlite3
from dataclasses import dataclass
from typing import Optional

from flask import Flask, request
from pydantic import BaseModel

app = Flask(__name__)
conn = sqlite3.connect("inventory.db")


@dataclass
class StockQuery:
    category: Optional[str] = None
    limit: int = 50


class ProductFilter(BaseModel):
    brand: str
    max_price: float = 0


class TicketFilter:
    def __init__(self, status):
        self.status = status


def by_category(query):
    # A field of an object passed whole: summaries say which parameter reaches a sink, not which of its fields.
    # todoruleid: py.sqli.string-query
    return conn.execute("SELECT * FROM items WHERE category = '" + query.status + "'").fetchall()


@app.route("/items")
def items():
    # A dataclass's generated constructor stores its fields: it has no __init__ to summarise.
    q = StockQuery(category=request.args["category"])
    # todoruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE category = '" + q.category + "'")
    f = ProductFilter(brand=request.args["brand"])
    # todoruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE brand = '" + f.brand + "'")
    return str(by_category(TicketFilter(request.args["status"])))
