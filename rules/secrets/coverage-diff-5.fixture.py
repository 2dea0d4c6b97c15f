# Providers added by the fifth coverage comparison (docs/secret-providers.md), in code. Values are random
# characters in each documented format (checksums computed for them), not credentials.
import os
import subprocess

import requests
from volcengine.iam.IamService import IamService

# ruleid: secrets.thunderstore.service-account-token
subprocess.run(["tcli", "publish", "--token", "tss_WEcEaJ8V7SoT8XXnqypM7OicvAN7bS09S7g4"], check=True)

PUBLISH_ENV = {
    # ruleid: secrets.openvsx.access-token
    "OVSX_PAT": "ovsxat_e8361338-2a79-4d60-96cd-658b3d868619",
}
# The prefix alone, in a check that a configured token has the right shape, is no token.
# ok: secrets.openvsx.access-token
looks_right = os.environ.get("OVSX_PAT", "").startswith("ovsxat_")

session = requests.Session()
# ruleid: secrets.chieftools.token
session.headers["Authorization"] = "Bearer ctp_eXl4ws7hgAeh0EJf7AUy0vwZs5Le3O116MJO"

iam = IamService()
# ruleid: secrets.volcengine.access-key-id
iam.set_ak("AKLTVRvivtyqg2T4xHunZL1g62Mx8R0yDsEvbW40yqi78Iq")
iam.set_sk(os.environ["VOLC_SECRETKEY"])

# ruleid: secrets.oculus.app-access-token
entitlement = requests.post("https://graph.oculus.com/6374435018604886/verify_entitlement", data={"access_token": "OC|6374435018604886|6ed429f705032fe57f7f83c0af7fa4ae", "user_id": user_id})

fieldguide = requests.Session()
# ruleid: secrets.fieldguide.api-token
fieldguide.headers.update({"Authorization": "Bearer fg_c749eaf22277180ad4459c6d90d2be67"})
