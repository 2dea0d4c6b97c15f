# ruleid: secrets.github.oauth-token
export GITHUB_OAUTH_TOKEN="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"
# ok: secrets.github.oauth-token
export GITHUB_OAUTH_TOKEN="gho_bQS6plBxQ9xxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.github.oauth-token
export VALUE="gho_bQS6plBxQ9u25Kn0ZB3PSv2XBLvMwC3"
# ruleid: secrets.github.refresh-token
export GITHUB_REFRESH_TOKEN="ghr_4d9WIt9JMe3qjZeBjfoZb6nX6VNnmgOWEPDQ1MEq3sUfgDjDCw8"
# ok: secrets.github.refresh-token
export GITHUB_REFRESH_TOKEN="ghr_4d9WIt9JMe3qjZeBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ruleid: secrets.gitlab.pat
export GITLAB_TOKEN="glpat-07Z8L6_orwel.Pgmbb_2dX_hInaclGcBKd4CVekdumv1-dFFHgKhmwavxTpPZXbJ-W9fDL-d3jOOyI9f629lG0g"
# ok: secrets.gitlab.pat
export GITLAB_TOKEN="glpat-07Z8L6_orwel.Pgmbb_2dX_hInaxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxx-xxxxx-xxxxxxxxxxxxxxxx"
# ruleid: secrets.gitlab.pipeline-trigger-token
export GITLAB_TRIGGER_TOKEN="glptt-fec2a626493e0a5beddbc2d2c922e837f0d1eb0b"
# ok: secrets.gitlab.pipeline-trigger-token
export GITLAB_TRIGGER_TOKEN="glptt-fec2a626493xxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.gitlab.pipeline-trigger-token
export VALUE="glptt-fec2a626493e0a5beddbc2d2c922e837f0d"
# ruleid: secrets.gitlab.incoming-mail-token
export GITLAB_INCOMING_MAIL_TOKEN="glimt-8se-hozWFB5cm10VCWVHVLKRU"
# ok: secrets.gitlab.incoming-mail-token
export GITLAB_INCOMING_MAIL_TOKEN="glimt-8se-hxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.gitlab.incoming-mail-token
export VALUE="glimt-8se-hozWFB5cm10VCWVH"
# ruleid: secrets.gitlab.agent-token
export GITLAB_AGENT_TOKEN="glagent-afK4obxY4T1aDURS4aBoSrODAHcR4SgLXoYEYvCHLPpc0ujf5k"
# ok: secrets.gitlab.agent-token
export GITLAB_AGENT_TOKEN="glagent-afK4obxY4T1aDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.gitlab.agent-token
export VALUE="glagent-afK4obxY4T1aDURS4aBoSrODAHcR4SgLXoYEYvCHLPpc0"
# ruleid: secrets.bitbucket.app-password
export BITBUCKET_APP_PASSWORD="ATBBMkQPGBo4IxZF0q_l3i=LMPXscGjPocwC"
# ok: secrets.bitbucket.app-password
export BITBUCKET_APP_PASSWORD="ATBBMkQPGBo4Ixxxxx_xxx=xxxxxxxxxxxxx"
# ok: secrets.bitbucket.app-password
export VALUE="ATBBMkQPGBo4IxZF0q_l3i=LMPXscGj"
# ruleid: secrets.circleci.project-token
export CIRCLECI_PROJECT_TOKEN="CCIPRJ_FAiiaft6pJ1P6RxpfbTzss_df04d2351f9c41388460ffb68148b648345037e5"
# ok: secrets.circleci.project-token
export CIRCLECI_PROJECT_TOKEN="CCIPRJ_FAiiaft6pJ1P6Rxpfbxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.circleci.project-token
export VALUE="CCIPRJ_FAiiaft6pJ1P6RxpfbTzss_df04d2351f9c41388460ffb68148b648345"
# ruleid: secrets.travis.api-token
export TRAVIS_API_TOKEN="cO9vj2mxoeVpj2VV6Y2XgI"
# ok: secrets.travis.api-token
export TRAVIS_API_TOKEN="cO9vj2mxxxxxxxxxxxxxxx"
# ok: secrets.travis.api-token
export VALUE="cO9vj2mxoeVpj2VV6"
# ruleid: secrets.jfrog.identity-token
export JFROG_ACCESS_TOKEN="cmVmdGtu2gtIsb1y5f3ztiNv7qG0r496FkkKmBRkhmPISv0aHaGJrUvGjfJNn6Q3"
# ok: secrets.jfrog.identity-token
export JFROG_ACCESS_TOKEN="cmVmdGtu2gtIsb1y5f3ztiNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.jfrog.identity-token
export VALUE="cmVmdGtu2gtIsb1y5f3ztiNv7qG0r496FkkKmBRkhmPISv0aHaGJrUvGjfJ"
# A longer one (the expiry and random parts vary): base64 of `reftkn:01:17…`.
# ruleid: secrets.jfrog.identity-token
export JFROG_ACCESS_TOKEN="cmVmdGtuOjAxOjE3Qm4Zx8Lw2Vq6Tr9Kp3Yn7Hd5Jc1Gs0Fb4Ue8Mz2Wx6Rk9Pt3La7Ne5Ho1"
# ruleid: secrets.harness.pat
export HARNESS_API_KEY="pat.rtvOcfjxJpVRm1K6NVCFl0.e0f811a347dd0e03a577bae9.KFZhb4kqC9bDttaOd5Z8"
# ok: secrets.harness.pat
export HARNESS_API_KEY="pat.rtvOcfjxJpVRm1K6NVCFl0.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx"
# ok: secrets.harness.pat
export VALUE="pat.rtvOcfjxJpVRm1K6NVCFl0.e0f811a347dd0e03a577bae9.KFZhb4kqC9bDtta"
