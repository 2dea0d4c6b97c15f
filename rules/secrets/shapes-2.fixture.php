<?php
// Context shapes (issue 16): array literals, index assignments and a YAML block scalar in a heredoc.
$config = [
    // ruleid: secrets.generic.api-key-assignment
    'api_key' => 'Zqumpm08hsE8JNpjJOQGa2rb19',
    // ok: secrets.generic.api-key-assignment
    'api_key' => getenv('API_KEY'),
];
// ruleid: secrets.generic.token-assignment
$settings['auth_token'] = 'FlY0mG1ylvuhfJXqIEnomef2mS';
// ok: secrets.generic.token-assignment
$settings['auth_token'] = $_ENV['AUTH_TOKEN'];
$manifest = <<<'YAML'
database:
  # ruleid: secrets.generic.password-assignment
  password: |
    J5CMTIeg1ZTVnVv2fgKD0f6YYI
  # ok: secrets.generic.password-assignment
  password: ${DB_PASSWORD}
YAML;
