# Flask (Werkzeug) URL converters run before the view: `<int:id>`, `<float:x>`, `<uuid:u>` and `<any(a, b):x>`
# answer 404 to anything else, so those parameters hold no input string. `<path:p>`, `<string:s>` and a bare
# `<name>` are strings.
from flask import Flask

app = Flask(__name__)
DATA = "/srv/data"


@app.route("/posts/<int:post_id>/<uuid:token>")
def post(post_id, token):
    # ok: py.path-traversal.open
    return open(f"{DATA}/{post_id}/{token}")


@app.route("/files/<path:name>/<int:n>")
def file(name, n):
    # ruleid: py.path-traversal.open
    return open(f"{DATA}/{name}/{n}")


@app.route("/plain/<name>")
def plain(name):
    # ruleid: py.path-traversal.open
    return open(DATA + "/" + name)


@app.route("/kinds/<any(small, large):kind>")
def kind(kind):
    # ok: py.path-traversal.open
    return open(DATA + "/" + kind)


@app.route("/shelf/<int:shelf_id>", defaults={"sort_param": "stored"})
@app.route("/shelf/<int:shelf_id>/<sort_param>")
def shelf(shelf_id, sort_param):
    # ok: py.path-traversal.open
    open(f"{DATA}/{shelf_id}")
    # ruleid: py.path-traversal.open
    return open(f"{DATA}/{sort_param}")


@app.route("/book/<int:book_id>")
@app.route("/book/<book_id>/raw")
def book(book_id):
    # ruleid: py.path-traversal.open
    return open(f"{DATA}/{book_id}")
