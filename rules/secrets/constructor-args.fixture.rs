// A provider's token given straight to its client's constructor, with no variable to name it.
use fastly_api::FastlyClient;

fn purge_client() -> FastlyClient {
    // ruleid: secrets.fastly.api-token
    let client = FastlyClient::new("nBpg4jxrLfA6B-2qjWWp_UfHZTbpYwxr");
    client
}

fn service() -> String {
    // A Fastly service ID (22 characters) is an identifier, not a credential.
    // ok: secrets.fastly.api-token
    let svc = FastlyService::from_id("GWVGDUAkAGH39AaNmakNBr");
    // ok: secrets.fastly.api-token
    let client = FastlyClient::new(&std::env::var("FASTLY_API_TOKEN").unwrap());
    svc.name()
}
