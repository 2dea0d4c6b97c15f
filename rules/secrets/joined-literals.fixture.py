"""Tokens split over string literals that the code joins (issue 16). Fake values in the providers' formats."""
import os

import anthropic

ANTHROPIC_API_KEY = (
    # ruleid: secrets.anthropic.api-key
    "sk-ant-api03-31zVo_wT5-p4b3f8mN6dP1l0JC89BgP7N4zTLG9s2woM7b"
    "u1jK459WcJrZZXOOZQ60P9paqYB0HgYQgJePaL5j9sSJk_aAA"
)

# ruleid: secrets.npm.access-token
NPM_TOKEN = "".join(["npm_UZEHbambv17ttfkH3", "YUtgialdEUXufgW2RZJ"])

# ruleid: secrets.gitlab.pat
GITLAB_TOKEN = "glpat-" + "XKe0Ph4vfcM_Phf3QyP9"

# ok: secrets.anthropic.api-key
PREFIX = "sk-ant-api03-" + os.environ["ANTHROPIC_KEY_BODY"]
# ok: secrets.gitlab.pat
HEADER = "glpat-" "prefix"

client = anthropic.Anthropic(api_key=ANTHROPIC_API_KEY)
