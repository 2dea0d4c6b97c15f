import hmac
import os
import secrets


def check_admin(request):
    supplied = request.headers.get("X-Admin-Token", "")
    # ruleid: secrets.generic.constant-time-compare
    return hmac.compare_digest(supplied.encode(), b"t0k-Mz8qW2vXr5Ln9Jd")


def check_hook(signature):
    # ruleid: secrets.generic.constant-time-compare
    return secrets.compare_digest("Hw4nQ8zLk2Tp6Yx1", signature)


def check_env(token):
    # ok: secrets.generic.constant-time-compare
    return hmac.compare_digest(token, os.environ["HOOK_TOKEN"])


def deploy_bot(username):
    # ok: secrets.generic.constant-time-compare
    return hmac.compare_digest(username, "deploy-bot-eu")


def deploy_bot_reversed(login):
    # ok: secrets.generic.constant-time-compare
    return hmac.compare_digest("deploy-bot-eu", login.lower())
