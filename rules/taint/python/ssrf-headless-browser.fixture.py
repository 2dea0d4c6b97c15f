# A headless browser loads whatever URL it is sent to, from the server's network (internal hosts, file:// URLs).
from flask import Flask, request
from playwright.sync_api import sync_playwright

app = Flask(__name__)


@app.get("/screenshot")
def screenshot():
    with sync_playwright() as p:
        browser = p.chromium.launch()
        page = browser.new_page()
        # ruleid: py.ssrf.http-client
        page.goto(request.args["url"])
        return page.screenshot()


@app.get("/report")
def report():
    with sync_playwright() as p:
        page = p.chromium.launch().new_page()
        # ok: py.ssrf.http-client
        page.goto("https://status.example.com/report?page=%d" % int(request.args["page"]))
        return page.content()
