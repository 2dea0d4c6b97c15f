<?php
// PHP has no grammar here: a lexer finds its strings, heredocs and comments, so a value in its code must be a
// quoted literal, as in parsed languages (issue 16).
class Client
{
    public function boot(array $config): void
    {
        // Code, not a literal: a static member's nullsafe read.
        // ok: secrets.generic.secret-assignment
        $secret = SecretStore::defaultClientSecret2?->value;
        // ruleid: secrets.generic.token-assignment
        $this->apiToken = 'jDZ3kI6BbPd75tGSjMc3Fg3cjmOa';
        // ruleid: secrets.generic.password-assignment
        $password = "CmA213FVOONOn3YSYIUHCYsIedNR";
        // A heredoc's body is a string: its lines hold values without quotes.
        $yaml = <<<YAML
        service:
          # ruleid: secrets.generic.token-assignment
          token: 5UkCePwFEvdiD7CQhsNGyX5027y7
        YAML;
        /* Old settings, kept for reference (a block comment: lowered, still reported):
         * ruleid: secrets.generic.secret-assignment
         client_secret = 'OsrsnTFeWd7RDrFHlGup3eCZMlYr'
         */
    }
}
?>
<p>The page around the code is text, read as before.</p>
