# Context shapes (issue 16): hash literals, index assignments and a YAML block scalar in a heredoc.
my %config = (
    # ruleid: secrets.generic.api-key-assignment
    api_key => '5bSapfQ7Dh3yEg42ipqnX1fkkj',
    # ok: secrets.generic.api-key-assignment
    api_key => $ENV{API_KEY},
);
# ruleid: secrets.generic.token-assignment
$settings{auth_token} = 'bd93oQGXy9KTUMAFGrM14gENAs';
# ok: secrets.generic.token-assignment
$settings{auth_token} = $ENV{AUTH_TOKEN};
my $manifest = <<'YAML';
database:
  # ruleid: secrets.generic.password-assignment
  password: |
    IrsD3mbLFecbVjafQ4gGnRfXBk
YAML
