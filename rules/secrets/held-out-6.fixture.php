<?php
// Shapes of the false positives found by the sixth held-out study (docs/accuracy.md), with values of our own.
final class Accounts
{
    public function store($data, $mailbox): void
    {
        // A fully qualified static call (a leading `\`, as code outside a namespace writes it) is code.
        // ok: secrets.generic.password-assignment
        $data['password'] = \Hash::make($data['password']);
        // ok: secrets.generic.password-assignment
        $smtp_password = \Settings::get('smtp_password');
        // ok: secrets.generic.token-assignment
        $token_data = \Shop\Mail\OAuth::fetchAccessToken($mailbox->provider, []);
        // ruleid: secrets.generic.password-assignment
        $data['password'] = '\Wq7Zt3Kx9Vm2';
        // ruleid: secrets.generic.token-assignment
        $token_data = 'Rq8mZ2tWx7Lp4Kb9Nc3Vd6Hs';
    }
}
