# Perl has no grammar here: a lexer finds its strings, heredocs, comments and POD, so a value in its code must be a
# quoted literal, as in parsed languages (issue 16).
use strict;
my $self_config = shift;
# Code, not a literal: a hash read through a reference.
# ok: secrets.generic.secret-assignment
my $secret = $$self_config{ClientSecret2};
# ruleid: secrets.generic.token-assignment
my $auth_token = '3y58FVugplhtMvjErMh49mKaBEsA';
# A heredoc's body is a string: its lines hold values without quotes.
print <<"END";
[client]
# ruleid: secrets.generic.password-assignment
password = EGIOC8FS77UsAISGWuswpqe0KWqX
END
