<?php
// Context shapes: PHP declarations and arrays (issue 16).
// ruleid: secrets.generic.api-key-assignment
$apiKey = 'cfdG8jrQ3yGv9WxbLEZE8SwdUwqdg9Tc';
// ok: secrets.generic.api-key-assignment
$apiKey = getenv('API_KEY');
$config = [
    // ruleid: secrets.generic.password-assignment
    'password' => 'tSc7zdEffpduxj',
    // ok: secrets.generic.password-assignment
    'password' => env('DB_PASSWORD'),
];
// ruleid: secrets.generic.token-assignment
putenv("API_TOKEN=TpsFdUo3Gd9EDMKPJsKHBmQua7PHxRLa");
// ruleid: secrets.generic.token-assignment
define('AUTH_TOKEN', 'h24YJMhurchFnE3rHPYWZeBUy3tqzkpt');
// A heredoc holding an env file.
$env = <<<EOT
# ruleid: secrets.generic.token-assignment
API_TOKEN=7KHspwsSAqxGVWoQ3Soh6ReDRemRdZmq
# ok: secrets.generic.token-assignment
API_TOKEN={$token}
EOT;
// Assigned only when unset (`??=`).
// ruleid: secrets.generic.token-assignment
$options['auth_token'] ??= 'Bf3JdS6gUe5AHq9xT2mWv7LpZr4KcY8n';
// ok: secrets.generic.token-assignment
$options['auth_token'] ??= getenv('AUTH_TOKEN');
