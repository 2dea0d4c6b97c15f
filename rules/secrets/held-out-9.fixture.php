<?php
// Shapes of the false positives found by the ninth held-out study (docs/accuracy.md), with values of our own.
class ResourceForm
{
    // A marker the form shows in place of a stored password; its name says it is a dummy.
    // ok: secrets.generic.password-assignment
    protected static $dummyPassword = '_form_field_9f3c2a7b1e4d';
    // ok: secrets.generic.token-assignment
    private $fakeToken = 'k3Vq9Lm2Xw7Pz4Rt8Ns1';

    // A literal under a name that says nothing of the kind keeps being found.
    // ruleid: secrets.generic.password-assignment
    protected static $adminPassword = 'Xk29fPq7Lm3Zr';
}
