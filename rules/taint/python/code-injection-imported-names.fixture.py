# A name imported from a module is that module's function, not the builtin of the same name.
from re import compile
from re import compile as re_compile

from flask import Flask, request

app = Flask(__name__)


@app.route("/pattern")
def pattern():
    src = request.args["p"]
    # ok: py.code-injection.eval
    re_compile(src)
    # Known false alarm: an imported name still matches a builtin's bare pattern (this compile is re.compile).
    # todook: py.code-injection.eval
    compile(src)
    return "ok"
