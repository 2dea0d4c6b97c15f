# Uploads saved under the name the client gave: werkzeug's FileStorage.save(dst) (Flask's request.files) and
# Pillow's Image.save(fp) write where the path says, and an upload's filename is whatever the client sent
# (https://flask.palletsprojects.com/en/stable/patterns/fileuploads/ passes it through secure_filename first).
import os

from flask import Flask, request
from PIL import Image
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    # ruleid: py.path-traversal.open
    f.save(os.path.join(UPLOADS, f.filename))
    return "ok"


@app.route("/avatar", methods=["POST"])
def avatar():
    img = Image.open(request.files["avatar"])
    img.thumbnail((128, 128))
    # ruleid: py.path-traversal.open
    img.save(UPLOADS + "/" + request.form["name"] + ".png")
    return "ok"


@app.route("/upload-safe", methods=["POST"])
def upload_safe():
    f = request.files["file"]
    # ok: py.path-traversal.open
    f.save(os.path.join(UPLOADS, secure_filename(f.filename)))
    return "ok"


@app.route("/upload-fixed-name", methods=["POST"])
def upload_fixed_name():
    f = request.files["file"]
    # The content is the client's; the path is not.
    # ok: py.path-traversal.open
    f.save(os.path.join(UPLOADS, "latest.bin"))
    return "ok"


@app.route("/profile", methods=["POST"])
def profile():
    from .forms import ProfileForm

    form = ProfileForm(request.form)
    # A form's save takes keyword arguments, not a path.
    # ok: py.path-traversal.open
    form.save(commit=request.form.get("commit") == "1")
    return "ok"
