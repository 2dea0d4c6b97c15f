package config

// ruleid: secrets.newrelic.user-api-key
var NEW_RELIC_API_KEY = "NRAK-B56862UYOLCO5LHSQAZITGTXFJP"
// ok: secrets.newrelic.user-api-key
var NEW_RELIC_API_KEY = "NRAK-B56862Uxxxxxxxxxxxxxxxxxxxx"
// ok: secrets.newrelic.user-api-key
var VALUE = "NRAK-B56862UYOLCO5LHSQAZITG"
// ruleid: secrets.datadog.app-key
var DD_APP_KEY = "630e34eb2f620a6a43282b3a46561567d57b581b"
// ok: secrets.datadog.app-key
var DD_APP_KEY = "630e34eb2f620axxxxxxxxxxxxxxxxxxxxxxxxxx"
// ok: secrets.datadog.app-key
var VALUE = "630e34eb2f620a6a43282b3a46561567d57"
// ruleid: secrets.linear.api-key
var LINEAR_API_KEY = "lin_api_YZU9HNyrtf9U2gzXJ3b0K0p6sk2NE2QSI1k9LwPA"
// ok: secrets.linear.api-key
var LINEAR_API_KEY = "lin_api_YZU9HNyrtxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
// ok: secrets.linear.api-key
var VALUE = "lin_api_YZU9HNyrtf9U2gzXJ3b0K0p6sk2NE2QSI1k"
// ruleid: secrets.figma.pat
var FIGMA_TOKEN = "figd_DB58bLAGS6BHw-bwy-KD4H9o5p-Crcee_WWV0ZLu"
// ok: secrets.figma.pat
var FIGMA_TOKEN = "figd_DB58bLAGS6Bxx-xxx-xxxxxxxx-xxxxx_xxxxxxx"
// ok: secrets.figma.pat
var VALUE = "figd_DB58bLAGS6BHw-bwy-KD4H9o5p-Crcee_WW"
// ruleid: secrets.shopify.private-app-token
var SHOPIFY_PRIVATE_APP_TOKEN = "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"
// ok: secrets.shopify.private-app-token
var SHOPIFY_PRIVATE_APP_TOKEN = "shppa_8c1A0c55xxxxxxxxxxxxxxxxxxxxxxxx"
// ok: secrets.shopify.private-app-token
var VALUE = "shppa_8c1A0c55fd5A7fc5CBeEaB3d9D3"
// ruleid: secrets.auth0.client-secret
var AUTH0_CLIENT_SECRET = "fQ_Mw7eDPT2XYDwirf19T5yZBORgrcnrSfpeQ2sCQLLFToDhdA78LR0PGJWP3jKl"
// ok: secrets.auth0.client-secret
var AUTH0_CLIENT_SECRET = "fQ_Mw7eDPT2XYDwirf19T5yxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
// ok: secrets.auth0.client-secret
var VALUE = "fQ_Mw7eDPT2XYDwirf19T5yZBORgrcnrSfpeQ2sCQLLFToDhdA78LR0PGJW"
// ruleid: secrets.mapbox.secret-token
var MAPBOX_SECRET_TOKEN = "sk.eyJZaNiUfRvIxGR2l-jSahkqdSUXoMg3S0ceqoyR_TFGRORG3X0UQLv3YmqTMYv1BKaG2-Ca49BH7vEMa5DeS_H7MmfUJ_aKtx2vmY0po5OsE_zNcWKz1W9ohPf2cRIlo6vxgSsEkR303XGziAAWWovJ48fcMdkzkZ_YfKqjprq8Z0Q1GcPX0TLMivg5vT4oUa6mdc4En0z2bwyc0U4K2EJJBCliJrshE5RqgBXRuw6Ch6gXWn_cpndiTrn.4m4H9UoZzJLj0EOFCrZg-KGeSzKFlS"
// ok: secrets.mapbox.secret-token
var MAPBOX_SECRET_TOKEN = "sk.eyJZaNiUfRvIxGR2l-jSahkqdSUXoMg3S0ceqoyR_TFGRORG3X0UQLv3YmqTMYv1BKaG2-Ca49BH7vEMa5DeS_H7MmfUJ_aKtxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx.xxxxxxxxxxxxxxxxxxxx-xxxxxxxxx"
// ruleid: secrets.scalingo.api-token
var SCALINGO_API_TOKEN = "tk-us-5fX0Mje3CHrsm0nS44zQfHn_SRhhLy7upRpQ2pf-Ezw90tz5"
// ok: secrets.scalingo.api-token
var SCALINGO_API_TOKEN = "tk-us-5fX0Mje3CHrsmxxxxxxxxxx_xxxxxxxxxxxxxxx-xxxxxxxx"
// ok: secrets.scalingo.api-token
var VALUE = "tk-us-5fX0Mje3CHrsm0nS44zQfHn_SRhhLy7upRpQ2pf-Ezw"
// ruleid: secrets.firebase.fcm-server-key
var FCM_SERVER_KEY = "AAAAz6qfAD1:APA91b4KrjG8K_08JWx3skhuJqxzHobjryJuykqMSaMLu92PSHsFdvs-fSwB0a7yoGeJz07pynvAzojHsV9rh2dlRpC-LBS1hgUCnPmshHPwp5PPy4OXp6xiQ6rmknGQw0oS5V8f_Csn"
// ok: secrets.firebase.fcm-server-key
var FCM_SERVER_KEY = "AAAAz6qfAD1:APA91b4KrjG8K_08JWx3skhuJqxzHobjryJuykqMSaxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxx"
// ok: secrets.firebase.fcm-server-key
var VALUE = "AAAAz6qfAD1:APA91b4KrjG8K_08JWx3skhuJqxzHobjryJuykqMSaMLu92PSHsFdvs-fSwB0a7yoGeJz07pynvAzojHsV9rh2dlRpC-LBS1hgUCnPmshHPwp5PPy4OXp6xiQ6rmknGQw0oS5V8"
// ruleid: secrets.trello.token
var TRELLO_TOKEN = "1f70da396233193d17602d32847f90540959a11f6ad562a068d6e9d2ca24c01fC0B3DE7F"
// ok: secrets.trello.token
var TRELLO_TOKEN = "1f70da396233193d17602d3284xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
// ok: secrets.trello.token
var VALUE = "1f70da396233193d17602d32847f90540959a11f6ad562a068d6e9d2ca24c01fC0B"
// ruleid: secrets.fastly.api-token
var FASTLY_API_TOKEN = "qS5KfvRvMSv6fXplISnTIDagRp6Mli80"
// ok: secrets.fastly.api-token
var FASTLY_API_TOKEN = "qS5KfvRvMSv6xxxxxxxxxxxxxxxxxxxx"
// ok: secrets.fastly.api-token
var VALUE = "qS5KfvRvMSv6fXplISnTIDagRp6"
