# Without a MongoDB driver imported, a plain name's find_one() is some other API (an ORM repository, a cache).
from flask import Flask, request

from .repositories import accounts

app = Flask(__name__)


@app.post("/accounts/lookup")
def lookup():
    # ok: py.nosqli.query-object
    return {"account": accounts.find_one(request.get_json())}
