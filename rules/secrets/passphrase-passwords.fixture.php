<?php
// Our own fakes.
define( 'DB_NAME', 'acme_wp' );
// ruleid: secrets.generic.password-assignment
define( 'DB_PASSWORD', 'Fjord_quartz158_' );
// ok: secrets.generic.password-assignment
define( 'DB_PASSWORD_FIELD', 'db_password' );
