# The providers of coverage-diff.fixture.env in a second shape: Python calls and dict literals.
# Values are random characters in each documented format, not credentials.
import os

clients = {
    # ruleid: secrets.sourcegraph.access-token
    "sourcegraph": "sgp_26388cbb3d5e646ab501e6e6e821684230eef88c",
    # ruleid: secrets.posthog.personal-api-key
    "posthog": "phx_s0rErojmn1Czr7QaCXpEwK0jcKMBveg0iK7aJDPTd6k",
    # ruleid: secrets.paddle.api-key
    "paddle": "pdl_sdbx_apikey_01y0575q01877rzdsk13nysjte_dKhUlfWwkdrDKXeZbwZyqq_Dpu",
    # ruleid: secrets.packagist.token
    "composer": "packagist_uut_a83d21fbf72476c927619de6ac191aea35bae26aa37db74f21674662166154481483",
}

# ruleid: secrets.deno.deploy-token
os.environ.setdefault("DENO_DEPLOY_TOKEN", "ddo_6ElOx9njVdCexcaCDth47fDp7JCGnSVGfcLN")

# Near misses: a Sourcegraph-shaped prefix on a non-hex body, PostHog's public project key (phc_, safe to embed),
# a Paddle key cut before its secret part, a Packagist prefix on a short body, a Deno prefix inside a longer identifier.
# ok: secrets.sourcegraph.access-token
NOT_A_TOKEN = "sgp_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
# ok: secrets.posthog.personal-api-key
POSTHOG_PROJECT_KEY = "phc_s0rErojmn1Czr7QaCXpEwK0jcKMBveg0iK7aJDPTd6k"
# ok: secrets.paddle.api-key
PADDLE_PRICE = "pdl_live_apikey_018byvzhhv3dtrc8qse500bntf"
# ok: secrets.packagist.token
PACKAGIST_URL = "https://repo.packagist.com/packagist_out_ecd6e3219a5b"
# ok: secrets.deno.deploy-token
handler_name = "addp_ZgGmMVgF3BMvsOA87hQlQUxmJsgmyuQQLNVi"
