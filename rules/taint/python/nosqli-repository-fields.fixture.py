# A repository class keeps its MongoDB collections in fields, the database handed to its constructor: the file
# imports no driver. A JSON body's value may be an operator object ({"$ne": null}) that matches every document.
from flask import Flask, request


class AccountRepository:
    def __init__(self, db):
        self.accounts = db["accounts"]
        self.sessions = db.sessions

    def by_api_key(self, key):
        # ruleid: py.nosqli.query-object
        return self.accounts.find_one({"api_key": key}, {"_id": 0, "owner": 1})

    def list_team(self, team):
        # ruleid: py.nosqli.query-object
        return list(self.accounts.find({"team": team}, {"_id": 0, "email": 1}))

    def end_session(self, token):
        # ruleid: py.nosqli.query-object
        return self.sessions.delete_one({"token": token})

    def by_email(self, email):
        # A string is no operator object.
        # ok: py.nosqli.query-object
        return self.accounts.find_one({"email": str(email)})

    def by_id(self, account_id):
        # `$eq` compares with the value as it is, an object included.
        # ok: py.nosqli.query-object
        return self.accounts.find_one({"_id": {"$eq": account_id}})

    def update_one(self, values):
        # The repository's own helper, called on itself below: no collection.
        return values


app = Flask(__name__)
repo = AccountRepository(None)


class Profiles:
    def __init__(self, store):
        self.store = store

    def rename(self, payload):
        # An object of the application's (not a collection), given no filter dict.
        # ok: py.nosqli.query-object
        return self.store.update_one(payload)


@app.post("/key")
def key_lookup():
    body = request.get_json()
    return {"account": repo.by_api_key(body.get("key"))}


@app.post("/team")
def team():
    return {"members": repo.list_team(request.json["team"])}


@app.post("/logout")
def logout():
    repo.end_session(request.get_json()["token"])
    return {"ok": True}


@app.post("/email")
def email_lookup():
    return {"account": repo.by_email(request.get_json()["email"])}


@app.post("/id")
def id_lookup():
    return {"account": repo.by_id(request.get_json()["id"])}


@app.post("/rename")
def rename():
    Profiles(repo).rename(request.get_json())
    return {"ok": True}
