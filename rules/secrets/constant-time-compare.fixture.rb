# config/initializers/sidekiq.rb: the web UI behind HTTP basic auth.
Sidekiq::Web.use Rack::Auth::Basic do |user, password|
  # ok: secrets.generic.constant-time-compare
  ActiveSupport::SecurityUtils.secure_compare(user, "operations") &
    # ruleid: secrets.generic.constant-time-compare
    ActiveSupport::SecurityUtils.secure_compare(password, "Quill*harbor83Lantern")
end

Sidekiq::Web.use Rack::Auth::Basic do |user, password|
  # ruleid: secrets.generic.constant-time-compare
  Rack::Utils.secure_compare(::Digest::SHA256.hexdigest(password), ::Digest::SHA256.hexdigest("Vx7!pelican-Dusk42"))
end

Sidekiq::Web.use Rack::Auth::Basic do |user, password|
  # ok: secrets.generic.constant-time-compare
  Rack::Utils.secure_compare(::Digest::SHA256.hexdigest(password), ::Digest::SHA256.hexdigest(ENV.fetch("SIDEKIQ_PASSWORD")))
end

def valid_token?(token)
  # ok: secrets.generic.constant-time-compare
  ActiveSupport::SecurityUtils.secure_compare(token, Rails.application.credentials.webhook_token)
end
