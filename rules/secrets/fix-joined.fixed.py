"""Release tooling: the token's pieces are joined into one value, and the fix replaces the whole join."""
import os
import requests

# ruleid: secrets.npm.access-token
NPM_TOKEN = os.environ["NPM_TOKEN"]

requests.put("https://registry.npmjs.org/-/package/demo/dist-tags/latest", headers={"Authorization": f"Bearer {NPM_TOKEN}"})
