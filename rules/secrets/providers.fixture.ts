// Providers of issue 16 in source code: new rules, and a second file shape for rules first proven elsewhere.
// Values are random characters in each format, not credentials.
export const config = {
  // ruleid: secrets.sumologic.access-id
  sumoAccessId: "su3926x88oOfQb",
  // ruleid: secrets.sumologic.access-key
  sumoAccessKey: "sv10qpvU7yQK0qhBrr3lV8c9DulnbmDf9iAgAcSwyqgyhXfUL3n1D3TTi95GHgEA",
  // ruleid: secrets.adobe.client-secret
  clientSecret: "p8e-7PLMhC9hIrUZbcGFW9NWZ1RXVuiQxlEe",
  // ruleid: secrets.adobe.client-id
  adobeClientId: "lxw0zsxp0lpgznszq83lg1ksxt6zt525",
  // ruleid: secrets.algolia.api-key
  algoliaApiKey: "fa711d8c79a14086a1b3a814fd050329",
  // ruleid: secrets.hubspot.api-key
  hubspotApiKey: "068b222a-5eef-4112-8f42-c0cc1e3c3f2b",
  // ruleid: secrets.dropbox.long-lived-token
  dropboxToken: "jf6qsypqbp3AAAAAAAAAAPohDoQT4ylbdRPEbSKmRQ91wC1mQKHdFepfSF3Dpnmy",
  // ruleid: secrets.dropbox.app-secret
  dropboxAppSecret: "0tsxx6hoqaanyxg",
  // ruleid: secrets.finicity.api-key
  finicityAppKey: "00a61d2840ca46614160a973869d42e8",
  // ruleid: secrets.finicity.client-secret
  finicitySecret: "NU58iODM4ZYlolWk79VN",
  // ruleid: secrets.kucoin.api-key
  kucoinKey: "c59a1bb7e1516911b571f650",
  // ruleid: secrets.kucoin.api-secret
  kucoinSecret: "c7552ade-bc82-4476-8374-a90399d54fcc",
  // ruleid: secrets.twitter.bearer-token
  bearer: "AAAAAAAAAAAAAAAAAAAAA6fuwAAAAAAARTxDxRMN%2BSTQoETmLxjhM9iPH%3D26tZ4iu6MWvRh6SZPcUjSjqNhixTr9YxCm0j3w28U1g0dS1vpX",
  // ruleid: secrets.twitter.access-token
  twitterAccessToken: "3709259083659439257-byicB94E11dQx0kEf1Z8YSUB2uQzg35",
  // ruleid: secrets.twitter.api-key
  twitterConsumerKey: "Gb6rBnPYVVlv2KjhQL2NcrKim",
  // ruleid: secrets.facebook.app-access-token
  facebookAppToken: "9911387297106314|eb25ffc2fc9fc4c21089fec8f8f633c9",
  // ruleid: secrets.discord.client-secret
  discordClientSecret: "vqLplXt9v0NY2IYraTErGmAxNQKbD9nu",
  // ruleid: secrets.flyio.access-token
  flyToken: "fo1_4SL3cCsARnIKKxzF3aH0xHdhQpPnrs75E3oqD2JulnW",
  // ruleid: secrets.flyio.macaroon-token
  flyDeployToken: "fm1r_KYeMhoIQqbxlQRbUNJS78fTYVg0Gpaj/doTZUIBZpTgN54sLZRnuP4jbRCo8doweiUZk4PWUcqD/cTHb9+LlLtCDCh5i4puOXHrhtkUfr5U/+B8LA2hyVAko5KU2AoP8rAQ/Xw/UB8muXYhwEhz2BBk4UHQPkCgLsG2mj5rC6In3eBOIlbhkkfunOjU7ri0mE66dNRWp",
  // ruleid: secrets.harness.sat
  harnessToken: "sat.XZRquKkXaUvilobCOypLBa.14c0a081c6fae6d2e0f7c7e3.aBsfV6NGrX5GU6ZnVQv7",
  // ruleid: secrets.sonarcloud.token
  sonarLogin: "4a03c9342b664789355cffd2e8bcd66dc9c1afe6",
  // ruleid: secrets.asana.pat
  asanaToken: "0/34387c9cd756e2578205ec232b070d42",
  // ruleid: secrets.snyk.api-token
  snykToken: "dfa5cad8-5cca-29dc-b0ae-fc04bef93a2e",
  // ruleid: secrets.jfrog.api-key
  artifactoryKey: "AKCp1EZZZZoGyH7h7JbhQEhWQGOzcCZ7UMbWCjmq2XwDx6ViMWeHVhrRmbALemD2TPK2WzsVA",
  // ruleid: secrets.key.age-secret-key
  sopsAgeKey: "AGE-SECRET-KEY-15UDD9CLUXD9FT4GC6GV27YS6LVYCQ25KEJXESJ9JHJF57CRDF8NZ553TMF",
};
