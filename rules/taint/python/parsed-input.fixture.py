# What a YAML or TOML parser gives back is what the text said.
import os
import tomllib

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/jobs")
def jobs():
    job = yaml.safe_load(request.data)
    # ruleid: py.cmdi.subprocess-shell
    os.system("ffmpeg -i " + job["input"])
    conf = tomllib.loads(request.get_data(as_text=True))
    # ruleid: py.cmdi.subprocess-shell
    os.system("convert " + conf["file"])
    fixed = yaml.safe_load("input: a.mp4")
    # ok: py.cmdi.subprocess-shell
    os.system("ffmpeg -i " + fixed["input"])
    return "ok"
