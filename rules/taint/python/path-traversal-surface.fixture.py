# The whole file-system surface: open and its aliases, pathlib, os, shutil, and zip-slip through tarfile.
import codecs
import io
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

from flask import Flask, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = Path("/srv/files")
ROOT = "/srv/files"


@app.route("/files", methods=["POST"])
def files():
    name = request.form["name"]
    target = BASE / name
    # ruleid: py.path-traversal.open
    target.write_text(request.form["content"])
    # ruleid: py.path-traversal.open
    (BASE / name).unlink()
    # ruleid: py.path-traversal.open
    Path(ROOT, name).read_bytes()
    # ruleid: py.path-traversal.open
    codecs.open(os.path.join(ROOT, name), encoding="utf-8")
    # ruleid: py.path-traversal.open
    io.open(ROOT + "/" + name, "rb")
    # ruleid: py.path-traversal.open
    os.makedirs(os.path.join(ROOT, name), exist_ok=True)
    # ruleid: py.path-traversal.open
    os.listdir(os.path.join(ROOT, name))
    # ruleid: py.path-traversal.open
    os.rename(os.path.join(ROOT, "tmp"), os.path.join(ROOT, name))
    # ruleid: py.path-traversal.open
    shutil.copyfile(os.path.join(ROOT, "template"), os.path.join(ROOT, name))
    # ruleid: py.path-traversal.open
    shutil.rmtree(os.path.join(ROOT, name))
    # ruleid: py.path-traversal.open
    shutil.move(os.path.join(ROOT, name), "/srv/archive")
    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream) as tar:
        # ruleid: py.path-traversal.open
        tar.extractall(ROOT)
    archive = tarfile.open(fileobj=upload.stream, mode="r:gz")
    # ruleid: py.path-traversal.open
    archive.extractall(path=ROOT)
    # ruleid: py.path-traversal.open
    shutil.unpack_archive(os.path.join("/tmp", upload.filename), ROOT)
    # ruleid: py.path-traversal.open
    os.remove(os.path.join(ROOT, request.args["old"]))
    zf = zipfile.ZipFile(upload.stream)
    for member in zf.namelist():
        # A zip archive's member names are the uploader's (zip-slip by hand).
        # ruleid: py.path-traversal.open
        open(os.path.join(ROOT, member), "wb").write(zf.read(member))
    for info in zipfile.ZipFile(upload.stream).infolist():
        # ruleid: py.path-traversal.open
        open(os.path.join(ROOT, info.filename), "wb").write(zf.read(info))
    return "ok"


# ---- negatives: contained names, constants, filtered extraction, zipfile's own extraction ----
@app.route("/files-ok", methods=["POST"])
def files_ok():
    name = secure_filename(request.form["name"])
    # ok: py.path-traversal.open
    (BASE / name).write_text(request.form["content"])
    # ok: py.path-traversal.open
    (BASE / "index.txt").read_text()
    # ok: py.path-traversal.open
    os.makedirs(os.path.join(ROOT, "cache"), exist_ok=True)
    # ok: py.path-traversal.open
    shutil.copyfile(os.path.join(ROOT, "template"), os.path.join(ROOT, name))
    # ok: py.path-traversal.open
    os.listdir(ROOT)
    # ok: py.path-traversal.open
    codecs.open(os.path.join(ROOT, os.path.basename(request.form["name"])))
    resolved = (BASE / request.form["name"]).resolve()
    if not resolved.is_relative_to(BASE):
        return "forbidden", 403
    # ok: py.path-traversal.open
    resolved.read_text()
    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream) as tar:
        # The data filter (Python 3.12) refuses members that leave the folder.
        # ok: py.path-traversal.open
        tar.extractall(ROOT, filter="data")
    with tarfile.open("/srv/bundles/static.tar") as bundled:
        # ok: py.path-traversal.open
        bundled.extractall(ROOT)
    # zipfile's extractall drops ".." and absolute parts of member names itself.
    # ok: py.path-traversal.open
    zipfile.ZipFile(upload.stream).extractall(ROOT)
    archive = zipfile.ZipFile(upload.stream)
    # ok: py.path-traversal.open
    archive.extractall(ROOT)
    for member in archive.namelist():
        # Only the base name of each member, under the root.
        # ok: py.path-traversal.open
        open(os.path.join(ROOT, os.path.basename(member)), "wb").write(archive.read(member))
    bundled_zip = zipfile.ZipFile("/srv/bundles/static.zip")
    for member in bundled_zip.namelist():
        # An archive of the server's own.
        # ok: py.path-traversal.open
        open(os.path.join(ROOT, member), "wb").write(bundled_zip.read(member))
    # ok: py.path-traversal.open
    os.remove(os.path.join(ROOT, str(int(request.args["id"])) + ".tmp"))
    # ok: py.path-traversal.open
    shutil.rmtree(os.path.join(ROOT, "tmp"))
    # send_from_directory confines the name to the folder.
    # ok: py.path-traversal.open
    send_from_directory(ROOT, request.args["file"])
    # It trusts the folder: one taken from the request is any folder.
    full = os.path.join(ROOT, request.args["file"])
    # ruleid: py.path-traversal.open
    send_from_directory(os.path.dirname(full), os.path.basename(full))
    # ruleid: py.path-traversal.open
    send_from_directory(directory=request.args["dir"], path="report.pdf")
    # ok: py.path-traversal.open
    send_from_directory(os.path.join(ROOT, "exports"), request.args["file"])
    # ok: py.path-traversal.open
    Path(ROOT, "static", "app.css").read_bytes()
    # ok: py.path-traversal.open
    open(os.path.join(ROOT, "upload.log"), "a").write(request.form["content"])
    return "ok"
