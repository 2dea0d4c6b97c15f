"""Billing client settings."""
import json

# ruleid: secrets.stripe.live-secret-key
STRIPE_KEY = "sk_live_XI5cVqushl8IlC7Be6WsT9CBmoEeEuTUIEEciXvC"

print(json.dumps({"configured": bool(STRIPE_KEY)}))
