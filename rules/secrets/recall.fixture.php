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
