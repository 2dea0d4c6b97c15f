<?php
// Held out 12 (issue 16): a query string built in PHP, the string ending at `=` and joined to a static call.
class Token
{
    public function __toString()
    {
        // ok: secrets.generic.token-assignment
        return 'oauth_token='.Horde_Oauth_Utils::urlencodeRfc3986($this->key).
            // ok: secrets.generic.token-assignment
            '&oauth_token_secret='.\Horde\Oauth\Utils::urlencodeRfc3986($this->secret);
    }

    public function fixed()
    {
        // A literal in the same place is reported.
        // ruleid: secrets.generic.token-assignment
        return 'oauth_token=Xk9mQ2vW7zLp4RtB8nC3&oauth_version=1.0';
    }
}
