# asyncpg's fetch family and Django's extra() on any queryset take SQL text.
import asyncpg
from django.http import JsonResponse
from sanic import Sanic
from sanic.response import json

from billing.models import Invoice

app = Sanic("orders")


@app.get("/orders")
async def list_orders(request):
    status = request.args.get("status", "open")
    async with app.ctx.pool.acquire() as conn:
        # ruleid: py.sqli.string-query
        rows = await conn.fetch(f"SELECT id FROM orders WHERE status = '{status}'")
        # ruleid: py.sqli.string-query
        total = await conn.fetchval("SELECT count(*) FROM orders WHERE status = '" + status + "'")
        # ok: py.sqli.string-query
        same = await conn.fetch("SELECT id FROM orders WHERE status = $1", status)
    return json({"rows": [dict(r) for r in rows], "total": total, "same": len(same)})


def invoices_by_status(request):
    status = request.GET.get("status", "open")
    # ruleid: py.sqli.string-query
    qs = Invoice.objects.filter(owner=request.user).extra(where=["status = '%s'" % status])
    # ok: py.sqli.string-query
    ok = Invoice.objects.filter(owner=request.user).extra(where=["status = %s"], params=[status])
    return JsonResponse({"n": qs.count() + ok.count()})
