"""Billing client settings."""
import os
import json

# ruleid: secrets.stripe.live-secret-key
STRIPE_KEY = os.environ["STRIPE_SECRET_KEY"]

print(json.dumps({"configured": bool(STRIPE_KEY)}))
