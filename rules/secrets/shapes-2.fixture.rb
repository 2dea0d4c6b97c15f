# Context shapes (issue 16): hash literals, index assignments and a YAML block scalar in a heredoc.
CONFIG = {
  # ruleid: secrets.generic.api-key-assignment
  api_key: 'grCOX6Jhw7Hd11XzWL8MHpoKEz',
  # ok: secrets.generic.api-key-assignment
  api_key: ENV.fetch('API_KEY'),
}
# ruleid: secrets.generic.token-assignment
settings[:auth_token] = 'ViXZya8cdFOcVwWBhqG5KSFdPE'
# ok: secrets.generic.token-assignment
settings[:auth_token] = ENV['AUTH_TOKEN']
MANIFEST = <<~YAML
  database:
    # ruleid: secrets.generic.password-assignment
    password: >-
      0SPgjtHfb1F6w70WAKadYEjW1W
YAML
