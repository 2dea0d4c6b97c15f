# ruleid: secrets.slack.bot-token
SLACK_BOT_TOKEN = "xoxb-7000773205-11103336925-3GZHF9z7wOXqAgHqSJhPesq9"
# ok: secrets.slack.bot-token
SLACK_BOT_TOKEN = "xoxb-7000773205-111xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.slack.bot-token
VALUE = "xoxb-7000773205-11103336925-3GZHF9z7wOXqAgHqSJh"
# ruleid: secrets.slack.config-token
SLACK_CONFIG_TOKEN = "xoxe.xoxp-3-2zy3KrGkYFEAgLMxPHYD4k2Jnr36g7AF5VMPkxZxFBMh1xWEG3YU0Jy8yieW5XBm7Y6B2d16e3LqC6xQmYT2MqMx3mLMcjAgSvTutGLa56pzbhYFkloFJJzTAMvUTTaSalIZwNuD2gbjZh0GBbaiZz6DN1rsIDVXlTYrw"
# ok: secrets.slack.config-token
SLACK_CONFIG_TOKEN = "xoxe.xoxp-3-2zy3KrGkYFEAgLMxPHYD4k2Jnr36g7AF5VMPkxZxFBMh1xWEG3xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ruleid: secrets.slack.webhook-url
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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"
# ok: secrets.slack.webhook-url
SLACK_WEBHOOK_URL = "https://hooks.slack.com/servxxxx/xxxxxxxxxx/xxxxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.slack.webhook-url
VALUE = "https://hooks.slack.com/services/T02KFUUL4V/BAA816MNR4H/JuNhX1vCvG5kltc0pu5"
# ruleid: secrets.discord.webhook-url
DISCORD_WEBHOOK_URL = "https://ptb.discord.com/api/webhooks/918323726396429598/83YKRl9ynpqC6urfO3PhqzOTdevfuel0u0nhR8Ywf2ZIho7RaS0yqblGJ1P6lgLyc94h"
# ok: secrets.discord.webhook-url
DISCORD_WEBHOOK_URL = "https://ptb.discord.com/api/webhooks/9183237xxxxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ruleid: secrets.sendgrid.api-key
SENDGRID_API_KEY = "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"
# ok: secrets.sendgrid.api-key
SENDGRID_API_KEY = "SG.HB846KQEfLo8sJZ--ZEwM4.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.sendgrid.api-key
VALUE = "SG.HB846KQEfLo8sJZ--ZEwM4.MFFiYUuMmo4BcVSLdYVOFsSOaozlQQDKwFvGPS"
# ruleid: secrets.mailchimp.api-key
MAILCHIMP_API_KEY = "5b73dfb5c2b1b9a09d2fbf6db2a01342-us04"
# ok: secrets.mailchimp.api-key
MAILCHIMP_API_KEY = "5b73dfb5c2b1bxxxxxxxxxxxxxxxxxxx-xxxx"
# ok: secrets.mailchimp.api-key
VALUE = "5b73dfb5c2b1b9a09d2fbf6db2a01342"
# ruleid: secrets.brevo.api-key
BREVO_API_KEY = "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"
# ok: secrets.brevo.api-key
BREVO_API_KEY = "xkeysib-c53e77b37605449ab09165f7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx"
# ok: secrets.brevo.api-key
VALUE = "xkeysib-c53e77b37605449ab09165f7490110615b1551460127e567261a93791e3ad4c4-Dz4jJDI5ERC"
# ruleid: secrets.plivo.auth-token
PLIVO_AUTH_TOKEN = "eqnuAwqdhB2h4gf1UkKvt5bV0oMDVmgzhUnkEKhA"
# ok: secrets.plivo.auth-token
PLIVO_AUTH_TOKEN = "eqnuAwqdhB2h4gxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.plivo.auth-token
VALUE = "eqnuAwqdhB2h4gf1UkKvt5bV0oMDVmgzhUn"
# ruleid: secrets.google.chat-webhook-url
GOOGLE_CHAT_WEBHOOK_URL = "https://chat.googleapis.com/v1/spaces/2bR2kv0SQtfU/messages?key=SXlo0YVRmGfLtqDX3SYeuh8X718YnLKxx0ySL7v&token=E4ozlNQVqAuOF1yQhxulDGlFqRm_qEX-A5blQpKTyA4DMBDW2P3wwKRUppvW68WHV"
# ok: secrets.google.chat-webhook-url
GOOGLE_CHAT_WEBHOOK_URL = "https://chat.googleapis.com/v1/spaces/2bR2kv0SQtfU/messages?kex=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx&xxxxx=xxxxxxxxxxxxxxxxxxxxxxxxxxx_xxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ruleid: secrets.zendesk.api-token
ZENDESK_API_TOKEN = "bMgwhreE0U0rVtWVCfvoJaCQmIAPcPW3o3OGl3nn"
# ok: secrets.zendesk.api-token
ZENDESK_API_TOKEN = "bMgwhreE0U0rVtxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.zendesk.api-token
VALUE = "bMgwhreE0U0rVtWVCfvoJaCQmIAPcPW3o3O"
# ruleid: secrets.twitter.api-secret
TWITTER_API_SECRET = "RGeLMWSPVSkqzzvVOxde3xX4KaCj7ochJwxfNQZkobmYzYAJii"
# ok: secrets.twitter.api-secret
TWITTER_API_SECRET = "RGeLMWSPVSkqzzvVOxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.twitter.api-secret
VALUE = "RGeLMWSPVSkqzzvVOxde3xX4KaCj7ochJwxfNQZkobmYz"
# The auth token as the client's second argument, after the account SID.
from twilio.rest import Client  # noqa: E402

# ruleid: secrets.twilio.auth-token
sms = Client("ACf1ca4ad5d1b2dcc691228f641a35a0ff", "31094bbedf267bfc59598673187f41ef")
# ok: secrets.twilio.auth-token
sms_env = Client("ACf1ca4ad5d1b2dcc691228f641a35a0ff", os.environ["TWILIO_AUTH_TOKEN"])
# An API key's SID passed with its secret read from the environment: an identifier only.
# ok: secrets.twilio.api-key-sid
sms_key = Client("SKca3973b5e780aef715d1f7b50c49d65e", os.environ["TWILIO_API_SECRET"], "ACf1ca4ad5d1b2dcc691228f641a35a0ff")
# And with its secret written beside it.
# ruleid: secrets.twilio.api-key-sid
sms_pair = Client("SKca3973b5e780aef715d1f7b50c49d65e", "z6zLYva6CSz48lqlcNImgKboDtYgjCCr", "ACf1ca4ad5d1b2dcc691228f641a35a0ff")

import resend  # noqa: E402

# ruleid: secrets.resend.api-key
resend.api_key = "re_cVWvdam6_IdIMlzYbVtnfIhYFD2D0kkoL"
# A Python regex's name ending in re_ is no key.
# ok: secrets.resend.api-key
score_re_pattern = "re_tokens_abcdefghijklmnopqrstuvwx_extra"
