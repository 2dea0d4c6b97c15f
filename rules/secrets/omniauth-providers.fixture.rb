Rails.application.config.middleware.use OmniAuth::Builder do
  provider :developer unless Rails.env.production?
  provider :github,
           "Ov23liA7c3e9F1b5D2a8",
           "3b9e1d7f5a2c8e4b6d0f9a1c3e7b5d2f8a4c6e0b", # ruleid: secrets.generic.omniauth-provider-secret
           scope: "read:user"
  # ok: secrets.generic.omniauth-provider-secret
  provider :google_oauth2, ENV.fetch("GOOGLE_CLIENT_ID"), ENV.fetch("GOOGLE_CLIENT_SECRET")
  # ok: secrets.generic.omniauth-provider-secret
  provider :twitter2, "CLIENT_ID", "your-client-secret-here"
end

Devise.setup do |config|
  # ruleid: secrets.generic.omniauth-provider-secret
  config.omniauth :facebook, "482917365028194", "9d4f1b7e3a6c2d8f5b0e9a1c4d7f2b6e", scope: "email"
  # ok: secrets.generic.omniauth-provider-secret
  config.omniauth :facebook, Rails.application.credentials.facebook[:app_id], Rails.application.credentials.facebook[:secret]
end
