<?php
// wp-config.php keys and salts (our own random fakes).
define( 'DB_NAME', 'acme_wp' );
// ruleid: secrets.wordpress.salt
define( 'AUTH_KEY',         'Lj<]&?x!l<v{9VUvWuCT9c*=;*F.s~iS{MNgCpnSgy^+3YsZp>HC[IdVkGj[5w2r' );
// ruleid: secrets.wordpress.salt
define('NONCE_SALT', 'q;V]7mA|Zk#2}Xp@f9R^t4W!cN8hB*d1E%yG6u$J0s-L3o+K5i=Hw/Mz?Te<nD>');
// A random salt holding `<…>` (WordPress's generator uses every printable character) is no `<placeholder>`.
// ruleid: secrets.wordpress.salt
define( 'SECURE_AUTH_SALT', 'Tq8&Vn;|Wd3R72)5]Hs9LpE#KKf?$!MGYb/+|-x4JR%c8Zm1_*3.P.;k<7WmC>#F' );
// The placeholder wp-config-sample.php ships.
// ok: secrets.wordpress.salt
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
// ok: secrets.wordpress.salt
define( 'SECURE_AUTH_KEY',  getenv('WP_SECURE_AUTH_KEY') );
