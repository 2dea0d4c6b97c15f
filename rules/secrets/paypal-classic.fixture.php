<?php
$config['paypal_api_username'] = 'payments_api1.shop.example';
// ruleid: secrets.paypal.nvp-signature
$config['paypal_api_signature'] = 'AvQ7kL2mZp9Xw4Rt8Ns1Hb6Jd3Fg0Ce5Uy-Ai7Ko2Lq9Mw4Pz8Rx1SvT';
// ok: secrets.paypal.nvp-signature
$config['paypal_api_signature'] = getenv('PAYPAL_API_SIGNATURE');
// ok: secrets.paypal.nvp-signature
$config['paypal_signature_version'] = '2024-01-01';
