# Gradio passes an uploaded file (gr.File, gr.UploadButton, gr.Files) as a value whose `.name` is the path Gradio
# saved it under in its own cache folder, chosen by the server; `.orig_name` is the file name the browser sent.
import os
import shutil

import gradio as gr


def load_history(file_obj):
    # ok: py.path-traversal.open
    with open(file_obj.name, encoding="utf-8") as f:
        return f.read()


def keep_uploads(files, target):
    for file in files:
        # ok: py.path-traversal.open
        shutil.move(file.name, os.path.join("uploads", os.path.basename(file.name)))
    # ruleid: py.path-traversal.open
    shutil.copy(files[0].name, target)


def first_upload(files):
    # ok: py.path-traversal.open
    return open(files[0].name, "rb").read()


def save_as_sent(file_obj):
    # The client's own name, joined into a folder: `../` in it climbs out.
    # ruleid: py.path-traversal.open
    shutil.copy(file_obj.name, os.path.join("uploads", file_obj.orig_name))


def open_typed_path(path):
    # A textbox's text: a path the user wrote.
    # ruleid: py.path-traversal.open
    return open(path).read()


def read_named(note):
    # Another attribute of the value is no cache path (a textbox's `note` has none: whatever it holds is input).
    # ruleid: py.path-traversal.open
    return open(note.path).read()


def read_cached(path):
    # Given only the cache path (below), through this helper of the file.
    # ok: py.path-traversal.open
    with open(path) as f:
        return f.read()


def preview(file_obj):
    return read_cached(file_obj.name)


def read_file(path):
    # Given the client's file name (below).
    # ruleid: py.path-traversal.open
    with open(path) as f:
        return f.read()


def preview_original(file_obj):
    return read_file(file_obj.orig_name)


def create_ui():
    with gr.Blocks() as demo:
        upload = gr.File(file_count="multiple")
        single = gr.File()
        target = gr.Textbox()
        text = gr.Textbox()
        out = gr.Textbox()
        upload.upload(keep_uploads, [upload, target], None)
        single.upload(load_history, [single], out)
        gr.Button("First").click(first_upload, [upload], out)
        gr.Button("Keep").click(save_as_sent, [single], None)
        gr.Button("Open").click(open_typed_path, [text], out)
        gr.Button("Note").click(read_named, [text], out)
        gr.Button("Preview").click(preview, [single], out)
        gr.Button("Original").click(preview_original, [single], out)
    return demo
