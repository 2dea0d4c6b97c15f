"""Release tooling: the token's pieces are joined into one value, and the fix replaces the whole join."""
import requests

# ruleid: secrets.npm.access-token
NPM_TOKEN = "".join(["npm_UZEHbambv17ttfkH3", "YUtgialdEUXufgW2RZJ"])

requests.put("https://registry.npmjs.org/-/package/demo/dist-tags/latest", headers={"Authorization": f"Bearer {NPM_TOKEN}"})
