# Ruby has no grammar here: a lexer finds its strings, heredocs and comments, so a value in its code must be a
# quoted literal, as in parsed languages (issue 16).
class Notifier
  def initialize(settings)
    # Code, not literals: a bang method's result, a file read.
    # ok: secrets.generic.token-assignment
    tokens = @otp.generate_backup_codes!
    # ok: secrets.framework.session-secret
    config.secret_key_base = File.read(key_path).chomp
    # ruleid: secrets.generic.token-assignment
    @access_token = '0cdj9aY6Os7LdtzWQzxTSLynn5Ov'
    # A heredoc's body is a string: its lines hold values without quotes.
    config = <<~INI
      [service]
      ; ruleid: secrets.generic.password-assignment
      password = 6Oyfxswx0gAKW81IWY3Zy2zUNQUB
    INI
  end
end
