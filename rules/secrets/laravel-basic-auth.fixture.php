<?php
// Laravel's HTTP client with basic auth: the password is the second argument (issue 16). Fake values.
use Illuminate\Support\Facades\Http;

class ShippingClient
{
    private string $user = 'shipping-api';

    public function rates()
    {
        // ruleid: secrets.generic.credential-call-second-argument
        $a = Http::withBasicAuth($this->user, 'hlbYlLpiCluSZJPGF7XvNggl')->get('https://ssapi.example.com/rates');
        // ruleid: secrets.generic.credential-call-second-argument
        $b = Http::withDigestAuth('reports', '5f4caa2143b8b0da475aa9090c16f03c')->get('https://ssapi.example.com/r');
        // ok: secrets.generic.credential-call-second-argument
        $c = Http::withBasicAuth($this->user, config('services.shipping.secret'))->get('https://ssapi.example.com/rates');
        return [$a, $b, $c];
    }
}
