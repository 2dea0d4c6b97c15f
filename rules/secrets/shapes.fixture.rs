// Context shapes: Rust declarations (issue 16).
// ruleid: secrets.generic.api-key-assignment
let api_key: &str = "JrL4NfavWztUaPK7D6sz3gBMUGh9ouMY";
// ruleid: secrets.generic.token-assignment
const AUTH_TOKEN: &'static str = "FM3QPmqb7U4uJvn8hyWPi4KQECJoRLxF";
// ruleid: secrets.generic.token-assignment
static API_TOKEN: &str = "9ETwUoB3yTtjmYqEsyvvyfUWmyVudHqA";
// ok: secrets.generic.token-assignment
let api_token: String = std::env::var("API_TOKEN").unwrap();
// ruleid: secrets.generic.token-assignment
std::env::set_var("API_TOKEN", "z5ccUMhzxFfT8YMZfYo375Unst2bbttS");
