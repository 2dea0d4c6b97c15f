<?php
// A fallback literal beside the environment variable.
function mailer() {
    // ruleid: secrets.mailgun.private-key
    return Mailgun::create(getenv('MAILGUN_API_KEY') ?: 'bd95b7a4cfa47eb5f585b5d11589c1f8-91ead243-e17a5a31', 'https://api.eu.mailgun.net');
}
// ok: secrets.mailgun.private-key
$endpoint = 'https://api.mailgun.net/v3/mg.example.org/events?page=' . $cursor;
