// Credentials given to an e-mail or log client in place: Postmark's client takes its server token first, Mailgun's
// HTTP API authenticates the user `api` with the private key, Splunk's collector reads `Authorization: Splunk <token>`.
import { ServerClient } from "postmark";

// ruleid: secrets.postmark.server-token
const postmark = new ServerClient("f504ad75-1f2f-473a-a094-87c669cf61b2");
// ok: secrets.postmark.server-token
const fromEnv = new ServerClient(process.env.POSTMARK_SERVER_TOKEN ?? "");
// ok: secrets.postmark.server-token
const requestId = trace("8d9d86d2-59bf-4749-ab33-1973a9e53b51");

export function sendViaMailgun(body: URLSearchParams) {
  return fetch("https://api.eu.mailgun.net/v3/mg.example.org/messages", {
    method: "POST",
    // ruleid: secrets.mailgun.private-key
    headers: { Authorization: "Basic " + Buffer.from("api:e25daafbdbbff8abc0b957d7b6bd7c4a-115f15c9-ccd05a85").toString("base64") },
    body,
  });
}

// ok: secrets.mailgun.private-key
const other = Buffer.from("api:" + process.env.MAILGUN_API_KEY).toString("base64");

export function sendEvent(event: object) {
  return fetch("https://http-inputs-example.splunkcloud.com/services/collector/event", {
    method: "POST",
    // ruleid: secrets.splunk.hec-token
    headers: { Authorization: "Splunk e26f6cb0-8aca-4502-ad5d-f931c28d6252" },
    body: JSON.stringify({ event }),
  });
}

declare function trace(id: string): string;
