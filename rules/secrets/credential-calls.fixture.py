# Literal passwords passed to calls that take credentials (issue 16). Values are our own fakes.
import imaplib
import os
import smtplib

import ldap
import plotly.plotly as py
import pymysql
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

server = smtplib.SMTP("smtp.mail.example.net", 587)
# ruleid: secrets.generic.credential-call-second-argument
server.login("reports@mail.example.net", "Ravn9!qpl")
# ok: secrets.generic.credential-call-second-argument
server.login("reports@mail.example.net", os.environ["SMTP_PASSWORD"])
box = imaplib.IMAP4_SSL("imap.mail.example.net")
# A short password is still the account's: the call says what it is.
# ruleid: secrets.generic.credential-call-second-argument
box.login(MAIL_USER, "kq7Tz2")
# ruleid: secrets.generic.credential-call-second-argument
resp = requests.get("https://api.example.net/v1", auth=HTTPBasicAuth("svc", "Wq0pLx93Zk"))
# ruleid: secrets.generic.credential-call-second-argument
resp = requests.get("https://api.example.net/v1", auth=HTTPDigestAuth("svc", "Dg4!mv82Lq"))
# ruleid: secrets.generic.credential-call-second-argument
resp = requests.get("https://api.example.net/v1", auth=("svc", "Tp8vNq2xLm"))
# ok: secrets.generic.credential-call-second-argument
resp = requests.get("https://api.example.net/v1", auth=(user, password))
# ruleid: secrets.generic.credential-call-second-argument
py.sign_in("analyst", "Hc7wQ2mZr9")
# ruleid: secrets.generic.credential-call-second-argument
conn = ldap.initialize("ldap://ldap.example.net").simple_bind_s("cn=reader,dc=example,dc=net", "Ld4p!rdr9")
# ruleid: secrets.generic.credential-call-third-argument
db = pymysql.connect("db.example.net", "reports", "Pm8!xq2Lw", "sales")
# ok: secrets.generic.credential-call-third-argument
db = pymysql.connect("db.example.net", "reports", os.environ["DB_PASSWORD"], "sales")
# Black wraps a long call: one argument per line.
resp = requests.get(
    "https://reports.example.net/api/v1/exports?format=csv",
    auth=(
        "report-exporter",
        "Vx4!nq8TzL",  # ruleid: secrets.generic.credential-call-second-argument
    ),
)
resp = requests.get(
    "https://reports.example.net/api/v1/exports?format=csv",
    auth=(
        "report-exporter",
        os.environ["EXPORTER_PASSWORD"],  # ok: secrets.generic.credential-call-second-argument
    ),
)
# Placeholders and test logins stay quiet.
# ok: secrets.generic.credential-call-second-argument
server.login("user@example.net", "your_password")
# ok: secrets.generic.credential-call-second-argument
server.login("admin", "changeme")
# A comma-separated string is one argument, not a user and a password.
# ok: secrets.generic.credential-call-second-argument
server.login("alice,bob")
