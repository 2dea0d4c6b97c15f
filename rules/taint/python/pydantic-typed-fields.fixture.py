# A FastAPI body or query model (pydantic) is validated before the handler runs: an int, conint, UUID or Literal
# field holds no free text; a str field is whatever the client sent.
from typing import Literal, Optional
from uuid import UUID

import psycopg2
from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field, conint

app = FastAPI()
conn = psycopg2.connect("dbname=metrics")


class MetricQuery(BaseModel):
    name: str
    agg: Literal["avg", "max", "min"] = "avg"
    window: conint(ge=1, le=1440) = 60
    owner: Optional[UUID] = None
    label: str = Field(default="prod", max_length=20)


class MetricStore:
    def aggregate(self, q: MetricQuery):
        cur = conn.cursor()
        # ok: py.sqli.string-query
        cur.execute(f"SELECT {q.agg}(value) FROM metrics WHERE ts > now() - interval '{q.window} minutes' AND owner = '{q.owner}' AND name = %s", [q.name])
        # ruleid: py.sqli.string-query
        cur.execute(f"SELECT value FROM metrics WHERE labels->>'env' = '{q.label}'")
        return cur.fetchall()


store = MetricStore()


@app.post("/metrics/aggregate")
def aggregate(q: MetricQuery):
    return store.aggregate(q)


@app.post("/metrics/by-name")
def by_name(q: MetricQuery):
    cur = conn.cursor()
    # ok: py.sqli.string-query
    cur.execute("SELECT %s(value) FROM metrics" % q.agg)
    # ruleid: py.sqli.string-query
    cur.execute("SELECT value FROM metrics WHERE name = '%s'" % q.name)
    return cur.fetchall()
