<?php
// Shapes a recall study on real fixed leaks missed (docs/accuracy.md); values are our own fakes.
return array(
    'db_user' => 'radio',
    // ruleid: secrets.generic.password-assignment
    'db_pass' => 'Stream2019!Kx',
    // ok: secrets.generic.password-assignment
    'db_pass' => $config['db_pass'],
    // ruleid: secrets.generic.api-key-assignment
    'api_key' => '2c4e6a8b-1d3f-4a5b-9c7d-e1f2a3b4c5d6',
    // ok: secrets.generic.api-key-assignment
    'api_key' => '00000000-0000-0000-0000-000000000000',
);
// Aligned arrays pad the key far from its `=>`.
$twitter = array(
    'consumer_key'               => 'radio',
    // ruleid: secrets.generic.secret-assignment
    'consumer_secret'            => 'Vb8NqTz3LkP0wRx5YhGm2JcD7sFa9Ue4',
    // ruleid: secrets.generic.token-assignment
    'user_token'                 => '5550001112-Qm7Tz2Lk9Vb4Nx8Rc3Hw6Jp1Yd5Fs0Ga',
    // ok: secrets.generic.token-assignment
    'user_token'                 => $settings['twitter_user_token'],
);
