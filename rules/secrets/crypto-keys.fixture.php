<?php
// Literal keys passed to token and MAC APIs (issue 16).
use Firebase\JWT\JWT;
use Firebase\JWT\Key;

function sign(array $payload, string $data): array
{
    // ruleid: secrets.crypto.jwt-secret
    $jwt = JWT::encode($payload, 'Tb7Kq2Wx9Lm4Vz8Nc3Hs6Jd1Pf5Ry0Ea', 'HS256');
    // ok: secrets.crypto.jwt-secret
    $jwt = JWT::encode($payload, getenv('JWT_SECRET'), 'HS256');
    // ruleid: secrets.crypto.jwt-secret
    $claims = JWT::decode($jwt, new Key('Hq9xT2mWv7LpZr4KcY8nBf3JdS6gUe5A', 'HS256'));
    // ok: secrets.crypto.jwt-secret
    $claims = JWT::decode($jwt, new Key($publicKey, 'RS256'));
    // ruleid: secrets.crypto.hmac-key
    $sig = hash_hmac('sha256', $data, 'Zq4Lw8Xk2Vb6Nc9Mh3Ts7Jd1Pf5Ry0Ga');
    // ok: secrets.crypto.hmac-key
    $sig = hash_hmac('sha256', $data, $_ENV['WEBHOOK_SECRET']);
    // ruleid: secrets.crypto.cipher-key
    $enc = openssl_encrypt($data, 'aes-256-cbc', 'Wv2Lq8Zx4Kc6Vb9Nm3Hs7Jd1Pt5Ry0Ea', 0, $iv);
    // ok: secrets.crypto.cipher-key
    $enc = openssl_encrypt($data, 'aes-256-cbc', $key, 0, $iv);
    return [$jwt, $claims, $sig];
}
