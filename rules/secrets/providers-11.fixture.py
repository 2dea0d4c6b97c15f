# Pass 11 (issue 16): providers only TruffleHog names, as literals in Python code.
import os

import requests

# ruleid: secrets.aws.appsync-api-key
APPSYNC_HEADERS = {"x-api-key": "da2-79nud5uj17z78pd57j1ded4h20"}
# ok: secrets.aws.appsync-api-key
APPSYNC_KEY_VERSIONS = ["da1-", "da2-"]

# ruleid: secrets.checkout.secret-key
checkout_auth = {"Authorization": "Bearer sk_87f212f7-54d6-4c18-a969-06e1d83a59bc"}
# ok: secrets.checkout.secret-key
session_key = "sk_session_cache_prefix"


def mollie_payments():
    # ruleid: secrets.mollie.api-key
    headers = {"Authorization": "Bearer test_r50tOhuxFPzSWj8SJi13Ajr03szIJ1"}
    return requests.get("https://api.mollie.com/v2/payments", headers=headers, timeout=10)


# ruleid: secrets.mollie.api-key
MOLLIE_ORG_TOKEN = "access_zljBGBykebnb7KSGXTbvD8sFZdlPw77Z0Hz4k7lm"
# ok: secrets.mollie.api-key
pytest_name = "test_createPaymentWithoutAmount"
# The example key of Mollie's own API reference: reported, lowered to low as published.
# ruleid: secrets.mollie.api-key
mollie_docs_example = "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"

# ruleid: secrets.ramp.client-secret
ramp = requests.post("https://api.ramp.com/developer/v1/token", auth=("ramp_id_O6vfGXqpUFH2dUpeLussgd4oH6THyONU", "ramp_sec_e3ujEQzJZwKxxe95TfvEDr7ZsLA2CbpbIytbnJswhO3fPREY"), timeout=10)
# ok: secrets.ramp.client-secret
RAMP_SECRET_PREFIX = "ramp_sec_"

# ruleid: secrets.bitgo.access-token
bitgo_headers = {"Authorization": "Bearer v2xa6ca15826031bb412329a1970172dacdc0703e7d9b1c5c3718b1bbd2b1bf26e8"}
# ok: secrets.bitgo.access-token
sha256_of_v2x = "a6ca15826031bb412329a1970172dacdc0703e7d9b1c5c3718b1bbd2b1bf26e8"

# ruleid: secrets.gemini-exchange.api-key
gemini = {"X-GEMINI-APIKEY": "master-Lq49q4F27t8O77WlUcFc", "X-GEMINI-PAYLOAD": ""}
# ok: secrets.gemini-exchange.api-key
css_class = "account-settingsContainer"

# ruleid: secrets.onesignal.api-key
onesignal_headers = {"Authorization": "Key os_v2_org_oyqylbkptkpuu4t5ul6isxw35g6xfn5xjuahqrct7lh55tz3gl6nm65smwg4rxv7r5dhw4lc435speo2gngpmuek4hgv3frayugg5bt"}
# ok: secrets.onesignal.api-key
onesignal_hint = "os_v2_app_your_app_api_key"

# ruleid: secrets.signalwire.api-token
signalwire_auth = ("0ca38f98-d454-44b6-920e-ca76136f792c", "PTaec0b06d34a43a0e80c2b3ec922354ec07d508de7f1a2f99")
# ok: secrets.signalwire.api-token
pt_offset = "PT0000000000000000000000000000000000000000000000000"

# ruleid: secrets.flagsmith.server-key
flagsmith_key = os.environ.get("FLAGSMITH_SERVER_KEY", "ser.MEYewEFX2yNjPtdE7uHc3j")
# ok: secrets.flagsmith.server-key
flagsmith_engine_test_key = "ser.7duQYrsasJXqdGsdaagyfU"
# ok: secrets.flagsmith.server-key
serializer_name = ser.validated_data_from_request_body if False else None

# ruleid: secrets.keygen.api-token
keygen_headers = {"Authorization": "Bearer prod-102eb737a29cddf66978dc1a9a5b28aae597dae0c2aaa87e7a2212818e91617cv3"}
# ok: secrets.keygen.api-token
commit_ref = "prod-102eb737a29cddf66978dc1a9a5b28aae597dae0"

# ruleid: secrets.riot.api-key
riot = requests.get("https://euw1.api.riotgames.com/lol/status/v4/platform-data", headers={"X-Riot-Token": "RGAPI-0ca38f98-d454-44b6-920e-ca76136f792c"}, timeout=10)
# ok: secrets.riot.api-key
RIOT_KEY_PREFIX = "RGAPI-"

# ruleid: secrets.tines.webhook-url
requests.post("https://acme-sec.tines.com/webhook/f0e7d106dc9986bd368213f5a1893ae8/f070918542f33b705048d3e471fec518", json={"alert": 1}, timeout=10)
# ok: secrets.tines.webhook-url
TINES_DOCS = "https://www.tines.com/docs/actions/types/webhook/"

# ruleid: secrets.rootly.api-key
ROOTLY = {"Authorization": "Bearer rootly_4bbe5a2dc5999223d508a37f2718c4e911e04cc55db98dfb7e758d9a43b14ec9"}
# ok: secrets.rootly.api-key
rootly_resource = "rootly_api_key"

# ruleid: secrets.aftership.api-key
aftership = {"as-api-key": "asat_78afccdb790dbc40ee188864cc7c4f4f"}
# ok: secrets.aftership.api-key
aftership_legacy_header = "aftership-api-key"

# ruleid: secrets.tatum.api-key
tatum = {"x-api-key": "t-8ec544842c0d68219fedae74-9b5812d10e40d60d6d4d75e8d7375774"}
# ok: secrets.tatum.api-key
tatum_testnet = "t-testnet"
