import html
# Imports inside functions: a view factory that registers its routes on a blueprint it is given and imports Flask
# inside the view (lazy imports keep start-up fast), and a helper importing subprocess where it is used. A name
# the module imports is never replaced by a function's import of the same name.
TOOLS = {"pg_dump": "16.1"}


def register(bp, store):
    @bp.route("/tag/<string:tag_id>")
    def tag_feed(tag_id):
        from flask import request

        if not store.get(tag_id):
            # ruleid: py.xss.html-response
            return f"Tag {html.escape(tag_id)} not found", 404
        fmt = request.args.get("format", "")
        # ruleid: py.xss.html-response
        return "<p>format " + html.escape(fmt) + "</p>"

    @bp.route("/tag/<string:tag_id>/safe")
    def tag_safe(tag_id):
        from flask import request  # noqa: F401
        from markupsafe import escape

        # ok: py.xss.html-response
        return f"<p>{escape(tag_id)}</p>"

    @bp.route("/tag/<int:tag_id>/count")
    def tag_count(tag_id: int):
        from flask import request  # noqa: F401

        # ok: py.xss.html-response
        return f"<p>{tag_id}</p>", 200

    return bp


def run_report(bp):
    @bp.post("/report")
    def report():
        from flask import request
        import subprocess

        name = request.form["name"]
        # ruleid: py.cmdi.subprocess-shell
        return subprocess.getoutput("report " + name)

    @bp.post("/report-safe")
    def report_safe():
        from flask import request
        import shlex
        import subprocess

        # ok: py.cmdi.subprocess-shell
        return subprocess.getoutput("report " + shlex.quote(request.form["name"]))


def shadowed(bp):
    @bp.post("/version")
    def version():
        from flask import request

        # The module's getoutput (the project's own helper below), not subprocess's.
        # ok: py.cmdi.subprocess-shell
        return getoutput(request.form["tool"])

    @bp.post("/version-local")
    def version_local():
        from flask import request
        from subprocess import getoutput  # noqa: F811

        # Known gap: a function's import of a name the module binds is not seen (one import table per module).
        # todoruleid: py.cmdi.subprocess-shell
        return getoutput(request.form["tool"])


def getoutput(tool):
    return TOOLS.get(tool, "")
