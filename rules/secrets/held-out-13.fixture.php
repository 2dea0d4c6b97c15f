<?php

return [
    'ovh' => [
        'endpoint' => 'ovh-eu',
        // ok: secrets.ovh.api-credential
        'application_key' => 'FyPhr5YnxoiIkmEr',
        // ruleid: secrets.ovh.api-credential
        'application_secret' => 'VnSWyyLfqSQeFkUSNJEYWo9RFvyODPbl',
        // ruleid: secrets.ovh.api-credential
        'consumer_key' => 'iYMrXlk6OK1tI14iCKn4doYXErKzD6cG',
    ],
    'ovh_backup' => [
        // ok: secrets.ovh.api-credential
        'consumer_key' => env('OVH_CONSUMER_KEY'),
    ],
];
