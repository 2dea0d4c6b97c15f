import os
import subprocess

import requests
from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
SERVICES = {"api", "worker"}


@app.command("/calc")
def calc(ack, respond, command):
    ack()
    # ruleid: py.code-injection.eval
    respond(str(eval(command["text"], {"__builtins__": {}})))


@app.command("/scale")
def scale(ack, respond, command):
    ack()
    name, replicas = command["text"].split(maxsplit=1)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"kubectl scale deployment/{name} --replicas={replicas}", shell=True)
    if name in SERVICES:
        # ok: py.cmdi.subprocess-shell
        subprocess.run(f"kubectl rollout restart deployment/{name}", shell=True)


@app.action("ping")
def ping(ack, body, respond):
    ack()
    # ruleid: py.ssrf.http-client
    requests.get(body["actions"][0]["value"], timeout=5)


@app.message("status")
def status(message, say):
    # ok: py.ssrf.http-client
    requests.get("https://status.internal.example/api", timeout=5)
    say(f"checked for <@{message['user']}>")


def register(bot):
    # A module that only receives the app: the slash names the listener Bolt's.
    @bot.command("/uptime")
    def uptime(ack, respond, command):
        ack()
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("uptime; echo " + command["text"], shell=True)


@app.command("/whoami")
def whoami(ack, respond, context):
    ack()
    # ok: py.cmdi.subprocess-shell
    subprocess.run("finger " + context["user_id"], shell=True)
