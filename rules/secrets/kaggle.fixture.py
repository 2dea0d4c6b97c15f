import json
import os

# A notebook writing the credential file.
# ruleid: secrets.kaggle.api-key
kaggle = {"username": "acme-ds", "key": "c9cb908fb8c4bfb075457634b60053d8"}
json.dump(kaggle, open(os.path.expanduser("~/.kaggle/kaggle.json"), "w"))

# ruleid: secrets.kaggle.api-key
os.environ["KAGGLE_KEY"] = "f3965e2998c4567e7357b9cadac1a695"
# ok: secrets.kaggle.api-key
os.environ["KAGGLE_KEY"] = os.environ.get("CI_KAGGLE_KEY", "")
