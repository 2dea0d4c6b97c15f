# Shapes of the false positives found by the fourth held-out study (docs/accuracy.md), with values of our own.
Rails.application.routes.draw do
  # A route to a controller action is not a secret.
  # ok: secrets.generic.secret-assignment
  match "/users/:user_id/hooks/:hook_id/:secret" => "hook_requests#handle_request", :via => [:get, :post]
  # ok: secrets.generic.secret-assignment
  post "/hooks/:secret" => "admin/hook_requests#update_settings"
end
# ruleid: secrets.generic.secret-assignment
HOOK_SECRET = "Zq4Wx9Nm2Vb7#Kt3Lp8Rc"
