# Jinja2's sandboxed environment evaluates templates without unsafe attribute access or calls.
from flask import Flask, request
from jinja2 import BaseLoader, Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

app = Flask(__name__)
plain_env = Environment(loader=BaseLoader(), autoescape=True)
sandbox_env = SandboxedEnvironment(autoescape=True)


@app.post("/render")
def render():
    source = request.form["template"]
    # ok: py.ssti.template-string
    a = sandbox_env.from_string(source).render()
    # ok: py.ssti.template-string
    b = ImmutableSandboxedEnvironment().from_string(source).render()
    # ruleid: py.ssti.template-string
    c = plain_env.from_string(source).render()
    return a + b + c
