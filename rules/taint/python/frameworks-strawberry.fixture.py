# Strawberry GraphQL resolvers: the query's arguments arrive as the resolver's parameters.
import sqlite3
import subprocess
from typing import Optional

import requests
import strawberry
from strawberry.types import Info

db = sqlite3.connect("shop.db")


@strawberry.type
class Item:
    sku: str
    name: str


@strawberry.type
class Query:
    @strawberry.field
    def items(self, info: Info, name: str) -> list[Item]:
        # ruleid: py.sqli.string-query
        rows = db.execute(f"SELECT sku, name FROM items WHERE name LIKE '%{name}%'").fetchall()
        return [Item(sku=r[0], name=r[1]) for r in rows]

    @strawberry.field
    def item(self, sku: str) -> Optional[Item]:
        # ok: py.sqli.string-query
        row = db.execute("SELECT sku, name FROM items WHERE sku = ?", (sku,)).fetchone()
        return Item(sku=row[0], name=row[1]) if row else None

    @strawberry.field(description="Items on one page")
    def page(self, number: int, size: int = 20) -> list[Item]:
        # ok: py.sqli.string-query
        rows = db.execute(f"SELECT sku, name FROM items LIMIT {size} OFFSET {number * size}").fetchall()
        return [Item(sku=r[0], name=r[1]) for r in rows]

    @strawberry.field
    def preview(self, url: str) -> str:
        # ruleid: py.ssrf.http-client
        return requests.get(url, timeout=5).text[:200]


@strawberry.type
class Mutation:
    @strawberry.mutation
    def reindex(self, info: strawberry.Info, shard: str) -> bool:
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("reindex --shard " + shard, shell=True)
        return True

    @strawberry.mutation
    def reindex_all(self, info: strawberry.Info) -> bool:
        # ok: py.cmdi.subprocess-shell
        subprocess.run("reindex --all", shell=True)
        return True
