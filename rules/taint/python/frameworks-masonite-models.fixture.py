# A Masonite controller queries through the app's models (Masonite ORM), imported from the app, not the ORM.
from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response

from app.models.Invoice import Invoice


class InvoiceController(Controller):
    def search(self, request: Request, response: Response):
        customer = request.input("customer", "")
        # ruleid: py.sqli.string-query
        invoices = Invoice.where_raw(f"customer_name LIKE '%{customer}%'").get()
        # ok: py.sqli.string-query
        same = Invoice.where_raw("customer_name LIKE ?", [f"%{customer}%"]).get()
        return response.json({"data": invoices.serialize() + same.serialize()})
