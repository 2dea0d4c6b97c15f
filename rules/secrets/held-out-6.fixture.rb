# Shapes of the false positives found by the sixth held-out study (docs/accuracy.md), with values of our own.
class SessionsController < ApplicationController
  def create
    # A constant path with a method call is code, not a value.
    # ok: secrets.generic.token-assignment
    access_token = Doorkeeper::AccessToken.create!(
      application: app, resource_owner_id: user.id
    )
    # ok: secrets.generic.api-key-assignment
    api_key = Shop.application.config.deploy_mode.managed? ? Setting.rates_api_key : ENV["RATES_API_KEY"]
    # ruleid: secrets.generic.token-assignment
    access_token = "Zq4Wx9Nm2Vb7Kt3Lp8Rc5Hd"
    # ruleid: secrets.generic.api-key-assignment
    api_key = "Kt3Lp8Rc5HdZq4Wx9Nm2Vb7!"
  end
end
