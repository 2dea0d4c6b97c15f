<?php
// A credential written as the fallback of an environment lookup (`env('NAME', 'default')`): workers that do not
// load .env use it, so it is live. Provider rules read the name, a quoted comma, then the value.
return [
    'postmark' => [
        // ruleid: secrets.postmark.server-token
        'token' => env('POSTMARK_TOKEN', 'c4f0d9e2-7b1a-4e6f-9a3d-2b8c5e7f1a09'),
    ],
    'heroku' => [
        // ruleid: secrets.heroku.api-key
        'key' => env('HEROKU_API_KEY', '5d2e8a41-93bc-4f07-a6e1-0c9b7d3f2e58'),
    ],
    'datadog' => [
        // ruleid: secrets.datadog.api-key
        'api_key' => env('DD_API_KEY', '3fa9c07e1b5d48a26e9f0c7b4d1a8e52'),
        // ok: secrets.datadog.api-key
        'site' => env('DD_API_KEY_FILE', '/run/secrets/dd'),
    ],
    'mail' => [
        // ok: secrets.postmark.server-token
        'token' => env('POSTMARK_TOKEN', null),
        // ok: secrets.postmark.server-token
        'message_stream' => env('POSTMARK_MESSAGE_STREAM_ID', 'outbound'),
    ],
];
// A list that only mentions the provider before an id is not a setting of it.
// ok: secrets.heroku.api-key
$regions = ['heroku' . '-eu', 'region-id'];
