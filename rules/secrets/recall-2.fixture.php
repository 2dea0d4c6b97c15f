<?php
// Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
// A two-argument setter's name ending in `_AUTH` holds an authentication value.
// ruleid: secrets.generic.token-assignment
define('TEMP_AUTH', 'Rk8vNq2xLp5wZt7c');
// ok: secrets.generic.token-assignment
define('TEMP_AUTH', getenv('TEMP_AUTH'));
// ok: secrets.generic.token-assignment
define('USE_AUTH', 'ldap');
// ok: secrets.generic.token-assignment
define('AUTH_TYPE', 'Rk8vNq2xLp5wZt7c');
// Code written out as a string: the name's quotes are escaped, the value is a call from PHP's global namespace.
// ok: secrets.generic.secret-assignment
$line = sprintf('$cfg[\'blowfish_secret\'] = \sodium_hex2bin(\'%s\');', $hex);
