# A class-based view's method gets the URL's captures after the request (`path("regions/<region>/", View.as_view())`
# passes region=...), as a function view does; DRF viewsets get `pk` and other lookups the same way.
from django.db import connection
from django.http import HttpResponse
from django.views import View
from rest_framework import viewsets
from rest_framework.response import Response


class RegionStatsView(View):
    table = "orders_order"

    def stats_sql(self, region):
        return "SELECT COUNT(*) FROM {} WHERE region = '{}'".format(self.table, region)

    def get(self, request, region):
        with connection.cursor() as cursor:
            # ruleid: py.sqli.string-query
            cursor.execute(self.stats_sql(region))
            (count,) = cursor.fetchone()
        # ruleid: py.xss.html-response
        return HttpResponse(f"<p>Region {region}: {count} orders</p>")


class ArchiveView(View):
    def dispatch(self, request, *args, **kwargs):
        with connection.cursor() as cursor:
            # ruleid: py.sqli.string-query
            cursor.execute("SELECT * FROM archive WHERE year = '%s'" % kwargs["year"])
        return super().dispatch(request, *args, **kwargs)


class InvoiceViewSet(viewsets.ViewSet):
    def retrieve(self, request, pk=None):
        with connection.cursor() as cursor:
            # ruleid: py.sqli.string-query
            cursor.execute("SELECT * FROM invoices WHERE number = '" + pk + "'")
            return Response(cursor.fetchone())


# ---- negatives ----
class CountView(View):
    def get(self, request, year: int):
        with connection.cursor() as cursor:
            # An int capture (`<int:year>`, annotated): no text.
            # ok: py.sqli.string-query
            cursor.execute("SELECT COUNT(*) FROM orders WHERE year = %d" % year)
            return HttpResponse(str(cursor.fetchone()[0]))


class SafeRegionView(View):
    def get(self, request, region):
        with connection.cursor() as cursor:
            # ok: py.sqli.string-query
            cursor.execute("SELECT COUNT(*) FROM orders WHERE region = %s", [region])
            return HttpResponse(str(cursor.fetchone()[0]))
