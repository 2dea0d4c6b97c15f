# Path parts that are not an open(): a temporary file's suffix/prefix (tempfile joins them to `dir` as they are),
# and a RAR archive from the request extracted as its member names say.
import os
import tempfile
import zipfile

import rarfile
from flask import Flask, request

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["file"]
    # ruleid: py.path-traversal.open
    with tempfile.NamedTemporaryFile(suffix=upload.filename, dir=UPLOADS, delete=False) as out:
        out.write(upload.read())
    # ruleid: py.path-traversal.open
    fd, path = tempfile.mkstemp(prefix=request.form["label"], dir=UPLOADS)
    os.close(fd)
    # ruleid: py.path-traversal.open
    tempfile.mkdtemp(suffix=request.form["label"])
    # ok: py.path-traversal.open
    with tempfile.NamedTemporaryFile(suffix=".bin", prefix="upload-", dir=UPLOADS) as safe:
        safe.write(upload.read())
    # The base name has no separator left to climb with.
    # ok: py.path-traversal.open
    tempfile.NamedTemporaryFile(suffix=os.path.basename(upload.filename), dir=UPLOADS)
    return "ok"


@app.route("/unpack", methods=["POST"])
def unpack():
    archive_path = os.path.join(UPLOADS, request.form["archive"])
    with rarfile.RarFile(archive_path) as rf:
        # ruleid: py.path-traversal.open
        rf.extractall(path="/srv/unpacked")
    # ruleid: py.path-traversal.open
    rarfile.RarFile(archive_path).extract(request.form["member"], "/srv/unpacked")
    # ok: py.path-traversal.open
    rarfile.RarFile("/srv/bundled/assets.rar").extractall("/srv/unpacked")
    # zipfile drops `..` and leading `/` from member names when it extracts (its documentation says so).
    # ok: py.path-traversal.open
    zipfile.ZipFile(archive_path).extractall("/srv/unpacked")
    return "ok"
