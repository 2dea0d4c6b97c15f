# Streamlit: what a visitor types into a text widget is input; markdown with unsafe_allow_html and components.html
# put HTML into the page.
import html
import sqlite3
import subprocess

import streamlit as st
import streamlit.components.v1 as components

conn = sqlite3.connect("sales.db")

region = st.text_input("Region", "EMEA")
# ruleid: py.sqli.string-query
rows = conn.execute(f"SELECT * FROM sales WHERE region = '{region}'").fetchall()
# ok: py.sqli.string-query
safe_rows = conn.execute("SELECT * FROM sales WHERE region = ?", (region,)).fetchall()

note = st.text_area("Annotation", "")
# ok: py.xss.html-response
st.markdown(f"**Note:** {note}")
# ruleid: py.xss.html-response
st.markdown(f"<div class='note'>{note}</div>", unsafe_allow_html=True)
# ok: py.xss.html-response
st.markdown(f"<div class='note'>{html.escape(note)}</div>", unsafe_allow_html=True)

title = st.sidebar.text_input("Report title", "Weekly sales")
# ruleid: py.xss.html-response
components.html(f"<script>document.title = '{title}';</script>", height=0)
# ok: py.xss.html-response
components.html(f"<h2>{html.escape(title)}</h2>", height=60)

formula = st.text_input("Computed column", "amount * 1.2")
# ruleid: py.code-injection.eval
value = eval(formula)

host = st.query_params.get("host", "localhost")
# ruleid: py.cmdi.subprocess-shell
subprocess.run("ping -c 1 " + host, shell=True)

# A choice among the app's own options is not free text.
table = st.selectbox("Table", ["sales", "returns"])
# ok: py.sqli.string-query
preview = conn.execute(f"SELECT * FROM {table} LIMIT 5").fetchall()
