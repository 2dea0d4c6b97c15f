# What unmarshalling or unpickling request bytes gives is the sender's: run as code, it is code injection too.
import marshal
import pickle

from sanic import Sanic
from sanic.response import json as json_response

app = Sanic("worker")


@app.post("/cache/code")
async def load_cached_code(request):
    # ruleid: py.deserialization.pickle
    code_obj = marshal.loads(request.body)
    ns = {}
    # ruleid: py.code-injection.eval
    exec(code_obj, ns)
    return json_response({"names": sorted(ns)})


@app.post("/cache/expr")
async def load_expr(request):
    # ruleid: py.deserialization.pickle
    expr = pickle.loads(request.body)["expr"]
    # ruleid: py.code-injection.eval
    return json_response({"value": eval(expr)})


@app.post("/n/cache/code")
async def n_load_code(request):
    with open("/srv/cache/fixed.bin", "rb") as f:
        code_obj = marshal.loads(f.read())
    ns = {}
    # ok: py.code-injection.eval
    exec(code_obj, ns)
    return json_response({"names": sorted(ns)})
