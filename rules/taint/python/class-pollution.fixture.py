# setattr with a name from the request: a merge of request JSON into an object reaches __class__ and the
# module's globals through it.
from flask import Flask, request

app = Flask(__name__)
EDITABLE = {"theme", "page_size", "language"}


class Settings:
    theme = "light"
    page_size = 20


settings = Settings()


def merge(src, dst):
    for key, value in src.items():
        if isinstance(value, dict) and hasattr(dst, key):
            merge(value, getattr(dst, key))
        else:
            # ruleid: py.class-pollution.setattr
            setattr(dst, key, value)


def set_path(root, dotted, value):
    *parents, leaf = dotted.split(".")
    node = root
    for part in parents:
        node = getattr(node, part)
    # ruleid: py.class-pollution.setattr
    setattr(node, leaf, value)


def set_public(root, dotted, value):
    parts = dotted.split(".")
    if any(p.startswith("_") for p in parts):
        raise ValueError("private attributes are not configurable")
    node = root
    for part in parts[:-1]:
        node = getattr(node, part)
    # ok: py.class-pollution.setattr
    setattr(node, parts[-1], value)


@app.post("/settings")
def update_settings():
    merge(request.get_json(), settings)
    set_path(settings, request.args["path"], request.args["value"])
    set_public(settings, request.args["path"], request.args["value"])
    for key, value in request.get_json().items():
        if key in EDITABLE:
            # ok: py.class-pollution.setattr
            setattr(settings, key, value)
        if not key.startswith("_"):
            # ok: py.class-pollution.setattr
            setattr(settings, key, value)
    # A constant name with a value from input is an ordinary assignment.
    # ok: py.class-pollution.setattr
    setattr(settings, "theme", request.args["theme"])
    return "ok"


def save_upload(existing, **kwargs):
    # The keys are this literal's own; only the values came from the request.
    model_args = {"type": kwargs.get("type", "standard"), "location": kwargs.get("location")}
    model_args["sha1"] = kwargs.get("sha1")
    for k, v in model_args.items():
        # ok: py.class-pollution.setattr
        setattr(existing, k, v)


@app.post("/upload")
def upload():
    save_upload(settings, type=request.form["type"], location=request.files["file"].filename)
    return "ok"
