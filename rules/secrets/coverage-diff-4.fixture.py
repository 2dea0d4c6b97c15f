# Providers added by the fourth coverage comparison (docs/secret-providers.md), in code. Values are random
# characters in each documented format, not credentials.
import requests
from authress.client import AuthressClient
from notifications_python_client import NotificationsAPIClient

ASAAS_HEADERS = {
    "Content-Type": "application/json",
    # ruleid: secrets.asaas.api-key
    "access_token": "$aact_prod_vhVUBHnz0leq022xWuiXQYerKmDUfWdm6gw7pVCKUajCmxCxFHjbTeHhMJr7GFapICbBzlnxV5JFtif2",
}
# A PHP-style variable named like the prefix, with no key body, is not a key.
# ok: secrets.asaas.api-key
template = "$aact_prod_"

authress = AuthressClient(
    "https://login.example.com",
    # ruleid: secrets.authress.access-key
    "authress_2mTH6QlxS8.Gt6DwG.acc-c2ydjtosqyw.Wy1VfPI4-1Onh7qnLug5TydJWBrB2I-lJhmwFsYZzsqGzI8JusS7z3LtZtberq0lPT5GWs",
)
# ruleid: secrets.authress.access-key
requests.post("https://api.example.com/keys", data={"key": "sc_QRl4VHTRi.NYBII.acc_hg5u3cykze3u56.zxq6eClV2WA0IWXcdcWCmE/7ObYEUMjiIyHHQFl0935mCLzzPZnXEUR8PXQE"})
# An account id is not an access key.
# ok: secrets.authress.access-key
account = "acc-kdnxpn5ijqqd"

# ruleid: secrets.gcnotify.api-key
notify = NotificationsAPIClient("gcntfy-ci-5bbc07bf-04d4-6d41-f2be-d4392b5470c0-974c57c1-a4ea-028f-d76a-a07abc501973", base_url="https://api.notification.canada.ca")
# A bare UUID is not a GC Notify key.
# ok: secrets.gcnotify.api-key
request_id = "8a4788e9-b2bc-f3f0-7d6a-4ccd0b0242d6"

blockprotocol_headers = {
    # ruleid: secrets.blockprotocol.api-key
    "x-api-key": "b10ck5.XjJQ5yIZ01Je5BvP1o3tLgcQ11xZR3N7.fBO0aTE3Q7M7XxXGg0jtIrWuK4LdZhxM8mNG",
}
# The documentation's placeholder is not a key.
# ok: secrets.blockprotocol.api-key
placeholder = "b10ck5.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY"
