# Bottle's template() takes a template's name or its source: a string with "{{", "%" or a newline is compiled as
# SimpleTemplate source, whose {{ }} and % lines are Python. Genshi and Cheetah templates evaluate Python too.
import bottle
from bottle import SimpleTemplate, request, route, template
from Cheetah.Template import Template as CheetahTemplate
from genshi.template import MarkupTemplate, NewTextTemplate

app = bottle.Bottle()


@app.post("/preview")
def preview():
    source = request.forms.get("body", "")
    # ruleid: py.ssti.template-string
    return template("<div class='card'>" + source + "</div>", name="x")


@route("/greet")
def greet():
    # ruleid: py.ssti.template-string
    tpl = SimpleTemplate(request.query.greeting)
    return tpl.render(user="guest")


@route("/greet2")
def greet_keyword():
    # ruleid: py.ssti.template-string
    tpl = bottle.SimpleTemplate(source=request.query.greeting)
    return tpl.render(user="guest")


@route("/mail")
def mail():
    subject = request.json.get("subject")
    # ruleid: py.ssti.template-string
    page = MarkupTemplate("<p xmlns:py='http://genshi.edgewall.org/'>%s</p>" % subject)
    return page.generate().render("html")


@route("/text")
def text():
    # ruleid: py.ssti.template-string
    return NewTextTemplate(request.params.get("t", "")).generate().render()


@route("/cheetah")
def cheetah():
    # ruleid: py.ssti.template-string
    return str(CheetahTemplate(request.forms.tpl, searchList=[{}]))


# ---- negatives ----


@route("/hello")
def hello():
    # The input is a variable of a fixed template: SimpleTemplate escapes {{ }} values.
    # ok: py.ssti.template-string
    return template("<p>Hello {{name}}</p>", name=request.query.name)


@route("/named")
def named():
    # A template chosen from a fixed set by name, not built from the input.
    layout = request.query.layout
    if layout not in ("plain", "boxed"):
        layout = "plain"
    # ok: py.ssti.template-string
    return template(layout, rows=[])


@route("/genshi-data")
def genshi_data():
    page = MarkupTemplate("<p xmlns:py='http://genshi.edgewall.org/'>${name}</p>")
    # ok: py.ssti.template-string
    return page.generate(name=request.query.name).render("html")
