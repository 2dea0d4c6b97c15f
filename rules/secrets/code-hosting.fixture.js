// ruleid: secrets.github.user-to-server-token
const GITHUB_USER_TOKEN = "ghu_BDo5yKMYcgEIg2PVRqwv24rCXulOAZ0gcklD";
// ok: secrets.github.user-to-server-token
const GITHUB_USER_TOKEN = "ghu_BDo5yKMYcgxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.github.user-to-server-token
const VALUE = "ghu_BDo5yKMYcgEIg2PVRqwv24rCXulOAZ0";
// ruleid: secrets.github.fine-grained-pat
const GITHUB_TOKEN = "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";
// ok: secrets.github.fine-grained-pat
const GITHUB_TOKEN = "github_pat_NF7B8O4P3mSQt6KCZXU6V6_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.github.fine-grained-pat
const VALUE = "github_pat_NF7B8O4P3mSQt6KCZXU6V6_7OnZfau9DEUsuiVdd6D38aC4ifHBEATJ0Gz60ALfO0sCnRhuIbzvnz";
// ruleid: secrets.gitlab.deploy-token
const GITLAB_DEPLOY_TOKEN = "gldt-xIDCRSGT3y9oqtdbkdqt0BNid-gY_s8uu5onDv0AzZpEUPm0HIBxVUpJD1E1sFP7t1Jg0SfYxMiz3E59HXJdfKF";
// ok: secrets.gitlab.deploy-token
const GITLAB_DEPLOY_TOKEN = "gldt-xIDCRSGT3y9oqtdbkdqt0BNid-gY_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ruleid: secrets.gitlab.ci-build-token
const CI_JOB_TOKEN = "glcbt-70_gHr_r3Q1y9fdR3DQdiOy";
// ok: secrets.gitlab.ci-build-token
const CI_JOB_TOKEN = "glcbt-70_gHx_xxxxxxxxxxxxxxxx";
// ok: secrets.gitlab.ci-build-token
const VALUE = "glcbt-70_gHr_r3Q1y9fdR3D";
// ruleid: secrets.gitlab.oauth-app-secret
const GITLAB_OAUTH_SECRET = "gloas-wIOhBdr6XaM6ADXJB-HK-UpmqPJ08hU3Ro6W4ZPwkEOo_IGihUhPiroC1-SP7uGK";
// ok: secrets.gitlab.oauth-app-secret
const GITLAB_OAUTH_SECRET = "gloas-wIOhBdr6XaM6ADXJB-Hx-xxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxx-xxxxxx";
// ok: secrets.gitlab.oauth-app-secret
const VALUE = "gloas-wIOhBdr6XaM6ADXJB-HK-UpmqPJ08hU3Ro6W4ZPwkEOo_IGihUhPiroC1-S";
// ruleid: secrets.gitlab.feature-flags-client-token
const GITLAB_FF_TOKEN = "glffct-DUYEys4J6jitwIWJ5Y1L";
// ok: secrets.gitlab.feature-flags-client-token
const GITLAB_FF_TOKEN = "glffct-DUYxxxxxxxxxxxxxxxxx";
// ok: secrets.gitlab.feature-flags-client-token
const VALUE = "glffct-DUYEys4J6jitwIW";
// ruleid: secrets.atlassian.api-token
const ATLASSIAN_API_TOKEN = "ATATT3eUyY2MLtHZkpQkxhsJ037c-RVQcvWFElPqafO8pofeHa6Bb_43zTOaw-pRVEXpVwMwxMjna3ChrzQZ4VUDZ6m3GYvUE82SrewBcv7hl9lZtMePQlDgL2gggJnerV1Gg=3rI4j4u4IOau9-q=ubqPFipS0-wVq2lIHl1Pxt1nN3rvhi2RSNBGC47n2r";
// ok: secrets.atlassian.api-token
const ATLASSIAN_API_TOKEN = "ATATT3eUyY2MLtHZkpQkxhsJ037c-RVQcvWFElPqafO8pofeHa6Bb_43zTOaw-pRVEXpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=xxxxxxxxxxxxx-x=xxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.atlassian.api-token
const VALUE = "ATATT3eUyY2MLtHZkpQkxhsJ037c-RVQcvWFElPqafO8pofeHa6Bb_43zTOaw-pRVEXpVwMwxMjna3ChrzQZ4VUDZ6m3GYvUE82SrewBcv7hl9lZtMePQlDgL2gggJnerV1Gg=3rI4j4u4IOau9-q=ubqPFipS0-wVq2lIHl1Pxt1nN3rvhi2RSNBGC";
// ruleid: secrets.circleci.legacy-token
const CIRCLECI_TOKEN = "1f7b18a4900b96acf445fd163d22d768eb085c88";
// ok: secrets.circleci.legacy-token
const CIRCLECI_TOKEN = "1f7b18a4900b96xxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.circleci.legacy-token
const VALUE = "1f7b18a4900b96acf445fd163d22d768eb0";
// ruleid: secrets.sonarqube.token
const SONAR_TOKEN = "sqa_3815649fbc9619f5ba2c7d06561bbdaa046305a7";
// ok: secrets.sonarqube.token
const SONAR_TOKEN = "sqa_3815649fbc96xxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.sonarqube.token
const VALUE = "sqa_3815649fbc9619f5ba2c7d06561bbdaa046";
// ruleid: secrets.docker.hub-pat
const DOCKERHUB_TOKEN = "dckr_pat_CGF1TzeFeQE0WKJlZip_mbh8Sf8";
// ok: secrets.docker.hub-pat
const DOCKERHUB_TOKEN = "dckr_pat_CGF1xxxxxxxxxxxxxxx_xxxxxxx";
// ok: secrets.docker.hub-pat
const VALUE = "dckr_pat_CGF1TzeFeQE0WKJlZip_mb";
// ruleid: secrets.octopus.api-key
const OCTOPUS_API_KEY = "API-7I76QNVYL144X5XL1L8XGR8EOKNB2H";
// ok: secrets.octopus.api-key
const OCTOPUS_API_KEY = "API-7I76QNVYxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.octopus.api-key
const VALUE = "API-7I76QNVYL144X5XL1L8XGR8EO";
