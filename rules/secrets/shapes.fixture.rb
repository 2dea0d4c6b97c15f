# Context shapes: Ruby constants and hashes (issue 16).
# ruleid: secrets.generic.api-key-assignment
API_KEY = 'chNXZxScCT8UqC29B4oiRdLsCKXNYXfS'
# ok: secrets.generic.api-key-assignment
API_KEY = ENV['API_KEY']
config = {
  # ruleid: secrets.generic.password-assignment
  'password' => 'aoHJjUeqLzwEvb7',
  # ruleid: secrets.generic.password-assignment
  password: 'PWzmKKPaPbBj67',
  # ok: secrets.generic.password-assignment
  'password' => ENV.fetch('DB_PASSWORD'),
}
# ruleid: secrets.generic.token-assignment
ENV['API_TOKEN'] = 'L2YvghjgJvg3orYsJihnQekQHCzr4AQB'
# A heredoc holding an env file.
File.write('.env', <<~ENV)
  # ruleid: secrets.generic.password-assignment
  DB_PASSWORD=j3zYGBF4z9x4Wk
  # ok: secrets.generic.password-assignment
  DB_PASSWORD=#{ENV['DB_PASSWORD']}
ENV
# Memoised with `||=`.
# ruleid: secrets.generic.token-assignment
@api_token ||= 'Zr4KcY8nBf3JdS6gUe5AHq9xT2mWv7Lp'
# ok: secrets.generic.token-assignment
@api_token ||= ENV.fetch('API_TOKEN')
