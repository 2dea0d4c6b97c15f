# Shapes of the false positives found by the ninth held-out study (docs/accuracy.md), with values of our own.
use Test::More;

# A path with its slashes escaped in a regex, after `secret:`.
# ok: secrets.generic.secret-assignment
like $log, qr/fetching data from secret uri: \$secret:\/\/vault\/shop\/tls\/shop.crt, context: \S+/, 'logged';

# A literal keeps being found.
# ruleid: secrets.generic.secret-assignment
my $client_secret = 'q8Zr2LmX4vT7nW1pK9sB3dF6';
done_testing;
