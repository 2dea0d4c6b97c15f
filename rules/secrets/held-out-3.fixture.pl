# Shapes of the false positives found by the third held-out study (docs/accuracy.md), with values of our own.
# A variable read through a hash reference is not a literal password.
# ok: secrets.generic.password-assignment
$PASSWORD = $Settings::Config->{password} || "";
# ok: secrets.generic.password-assignment
my $password = $Shop::Cfg::Store->{db_pass};
# The anonymous-FTP login convention: a public value, not a credential.
# ok: secrets.generic.password-assignment
$pass = '-anonymous@';
# ruleid: secrets.generic.password-assignment
$pass = 'Wr4ngl3r-Fox!';
