<?php
// Shapes of the false positives found by the fifth held-out study (docs/accuracy.md), with values of our own.
final class Installer
{
    public function store($request): void
    {
        // A string ending in `=` joined with a variable: code, not a value.
        // ok: secrets.generic.password-assignment
        $this->updateConfig('DB_PASSWORD=shop', 'DB_PASSWORD='.$request->input('db_password'));
        // ok: secrets.generic.password-assignment
        $this->updateConfig('REDIS_PASSWORD=null', 'REDIS_PASSWORD=' . $request->input('redis_password'));
        // ruleid: secrets.generic.password-assignment
        $this->updateConfig('DB_PASSWORD=Gx7mQ2vLp9wKt4', 'DB_PASSWORD=Gx7mQ2vLp9wKt4');
    }

    public function twoFactor($user): void
    {
        // A static method call is code.
        // ok: secrets.generic.secret-assignment
        $secret = Google2FA::generateSecretKey();
        // ruleid: secrets.generic.secret-assignment
        $secret = 'Hq3Zt8Vw2Kx6Mp9Rb4Nc7Jd';
    }

    public function rules($user): array
    {
        // Validation rules joined with code (`'confirmed|'.Setting::rules()`) are still validation rules.
        return [
            // ok: secrets.generic.password-assignment
            'password' => 'confirmed|'.Setting::passwordRules('store'),
            // ok: secrets.generic.password-assignment
            'password' => 'required|notIn:["'.$user->email.'","'.$user->username.'"',
            // ruleid: secrets.generic.password-assignment
            'password' => 'Gx7|mQ2v|Lp9w',
        ];
    }
}

return [
    // A column's name ending in the kind of value is a name.
    // ok: secrets.generic.secret-assignment
    'otp_secret_column' => 'google2fa_secret',
    // ruleid: secrets.generic.secret-assignment
    'otp_secret' => 'k7q2m9x4w8z3p6v1',
];
