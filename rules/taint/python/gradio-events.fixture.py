# Gradio apps: the functions wired to events get the input components' values, sent by the browser.
import subprocess
from concurrent.futures import ThreadPoolExecutor

import gradio as gr
import requests


def save_preset(name, text):
    # ruleid: py.path-traversal.open
    with open(f"presets/{name}.txt", "w") as f:
        f.write(text)


def fetch_page(url):
    # ruleid: py.ssrf.http-client
    return requests.get(url, timeout=5).text


def convert(path, fmt):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"convert {path} out.{fmt}", shell=True)


def summarize(message, history):
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.check_output("wc -w " + message, shell=True).decode()


def count(pages: int, request: gr.Request):
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output(f"seq {pages}", shell=True).decode()


def refresh(name):
    # ok: py.path-traversal.open
    with open(f"presets/{name}.txt") as f:
        return f.read()


def background(name):
    # ok: py.path-traversal.open
    open(f"logs/{name}.log", "a").close()


def unused(name):
    # ok: py.path-traversal.open
    open(f"presets/{name}.txt").close()


def create_ui():
    with gr.Blocks() as demo:
        name = gr.Textbox()
        text = gr.Textbox()
        url = gr.Textbox()
        pages = gr.Number()
        out = gr.Textbox()
        gr.Button("Save").click(save_preset, [name, text], None)
        url.submit(fetch_page, [url], [out])
        gr.Button("Convert").click(fn=convert, inputs=[name, text], outputs=out)
        gr.Button("Count").click(count, [pages], out)
        # The file's own list of names, not a component's value.
        demo.load(lambda: refresh("default"), None, out)
    gr.ChatInterface(summarize)
    with ThreadPoolExecutor() as pool:
        pool.submit(background, "startup")
    return demo
