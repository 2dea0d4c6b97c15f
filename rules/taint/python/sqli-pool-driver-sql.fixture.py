# An asyncpg pool handed in by the caller (no asyncpg import here), and SQLAlchemy's exec_driver_sql.
from aiohttp import web
from sqlalchemy.orm import Session


async def series(request: web.Request):
    metric = request.query.get("metric", "")
    async with request.app["pool"].acquire() as conn:
        # ruleid: py.sqli.string-query
        rows = await conn.fetch(f"SELECT ts, value FROM samples WHERE metric = '{metric}'")
        # ok: py.sqli.string-query
        safe = await conn.fetch("SELECT ts, value FROM samples WHERE metric = $1", metric)
        # A cache's fetch of a key is no query.
        # ok: py.sqli.string-query
        cached = await request.app["cache"].fetch(f"series:{metric}")
    return web.json_response({"rows": rows, "safe": safe, "cached": cached})


async def trips(request: web.Request):
    driver = request.query.get("driver", "")
    session: Session = request.app["session"]
    conn = session.connection()
    # ruleid: py.sqli.string-query
    rows = conn.exec_driver_sql("SELECT * FROM trip WHERE driver = '" + driver + "'")
    # ok: py.sqli.string-query
    safe = conn.exec_driver_sql("SELECT * FROM trip WHERE driver = %(d)s", {"d": driver})
    return web.json_response({"n": len(list(rows)) + len(list(safe))})
