<?php
// Laravel's config/services.php: a provider's credentials under its name.
return [
    'postmark' => [
        // ruleid: secrets.postmark.server-token
        'token' => 'e18a0a5a-bcca-95bf-8e2f-8559f823cdef',
    ],
    'postmark_sandbox' => [
        // ok: secrets.postmark.server-token
        'token' => env('POSTMARK_TOKEN'),
    ],
    'mailgun' => [
        // ok: secrets.postmark.server-token
        'domain' => 'fedc328f9558-f2e8-fb59-accb-a5a0a81e',
    ],
];
