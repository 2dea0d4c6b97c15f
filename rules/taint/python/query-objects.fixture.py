# Query objects built from input and read by field elsewhere (held out 26): a field of an object passed whole, and the
# fields a record class's generated constructor stores (dataclass, pydantic, NamedTuple, attrs).
import sqlite3
from dataclasses import dataclass
from typing import ClassVar, NamedTuple, Optional

import attr
from flask import Flask, request
from pydantic import BaseModel

app = Flask(__name__)
conn = sqlite3.connect("inventory.db")


@dataclass
class StockQuery:
    category: Optional[str] = None
    limit: int = 50
    table: ClassVar[str] = "items"


class ProductFilter(BaseModel):
    brand: str
    max_price: float = 0


class Page(NamedTuple):
    sort: str
    size: int


@attr.s(auto_attribs=True)
class Search:
    term: str
    owner: str = "system"


@dataclass
class BookQuery:
    title: str = ""
    order: str = "title"

    @classmethod
    def from_args(cls, args):
        # A classmethod factory: `cls(...)` constructs its class.
        return cls(title=args.get("title", ""), order="title")

    @staticmethod
    def sorted_by(args):
        return BookQuery(order=args.get("order", "title"))


def query_of(args):
    q = BookQuery()
    q.title = args["title"]
    return q


class TicketFilter:
    def __init__(self, status, kind="open"):
        self.status = status
        self.kind = kind


def by_status(query):
    # A field of an object passed whole: the summary says which field of its parameter reaches the sink.
    # ruleid: py.sqli.string-query
    return conn.execute("SELECT * FROM items WHERE status = '" + query.status + "'").fetchall()


def by_title(query):
    # Two fields read: each is the parameter read through its own field.
    # ruleid: py.sqli.string-query
    return conn.execute(f"SELECT * FROM books WHERE title LIKE '%{query.title}%' ORDER BY {query.order}").fetchall()


def by_kind(query):
    # ok: py.sqli.string-query
    return conn.execute("SELECT * FROM items WHERE kind = '" + query.kind + "'").fetchall()


def listed(query):
    # Passed on whole: the field read two calls down is still this parameter's.
    return by_kind(query)


def status_of(query):
    return query.status


@app.route("/items")
def items():
    q = StockQuery(category=request.args["category"])
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE category = '" + q.category + "'")
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM " + q.table + " LIMIT " + str(q.limit))
    f = ProductFilter(brand=request.args["brand"], max_price=request.args["max"])
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE brand = '" + f.brand + "'")
    # A pydantic float field is a number once the model is built.
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE price < " + str(f.max_price))
    return str(by_status(TicketFilter(request.args["status"])))


@app.route("/pages")
def pages():
    # Positional arguments fill the fields in declaration order.
    p = Page(request.args["sort"], 20)
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items ORDER BY " + p.sort)
    s = Search(request.args["q"])
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE name LIKE '%" + s.term + "%'")
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE owner = '" + s.owner + "'")
    return "ok"


@app.route("/tickets")
def tickets():
    # Input only in the status field: by_kind reads kind, listed passes the object on to it.
    listed(TicketFilter(request.args["status"]))
    t = TicketFilter("closed", request.args["kind"])
    by_status(t)
    found = status_of(TicketFilter(request.args["s"]))
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM tickets WHERE status = '" + found + "'")
    return "ok"


@app.route("/books")
def books():
    # The fields of what a factory returns: a classmethod's, a staticmethod's, a function's.
    found = by_title(BookQuery.from_args(request.args))
    q = BookQuery.sorted_by(request.args)
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM books ORDER BY " + q.order)
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM books WHERE title = '" + q.title + "'")
    r = query_of(request.args)
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM books WHERE title = '" + r.title + "'")
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM books ORDER BY " + r.order)
    return str(found)


@app.route("/search", methods=["POST"])
def search_json():
    # Keyword arguments splatted from a dict: any field may hold it.
    s = Search(**request.get_json())
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE owner = '" + s.owner + "'")
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE name LIKE '%" + s.term + "%'")
    f = ProductFilter(**request.get_json())
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE price < " + str(f.max_price))
    # A splat from a fixed dict holds no input; the keyword beside it still does.
    b = BookQuery(**{"order": "title"}, title=request.args["t"])
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM books ORDER BY " + b.order)
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM books WHERE title = '" + b.title + "'")
    return "ok"


def kind_rows(status, kind="open"):
    # ruleid: py.sqli.string-query
    return conn.execute("SELECT * FROM items WHERE kind = '" + kind + "'").fetchall()


@app.route("/kinds", methods=["POST"])
def kinds():
    # A splat reaches every parameter of a function and of a constructor.
    kind_rows(**request.get_json())
    t = TicketFilter(**request.get_json())
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE kind = '" + t.kind + "'")
    return "ok"


@dataclass
class AuditedQuery(StockQuery):
    actor: str = "system"


class PremiumFilter(ProductFilter):
    tier: str = "gold"


class ArchivedQuery(AuditedQuery):
    pass


@app.route("/audited")
def audited():
    # A record class's subclass takes its base's fields first, then its own.
    q = AuditedQuery(request.args["c"], 10, request.args["who"])
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE category = '" + q.category + "'")
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM audit WHERE actor = '" + q.actor + "'")
    p = PremiumFilter(brand="acme", tier=request.args["tier"])
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE tier = '" + p.tier + "'")
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM items WHERE brand = '" + p.brand + "'")
    a = ArchivedQuery(category=request.args["c"])
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM archive WHERE category = '" + a.category + "'")
    return "ok"
