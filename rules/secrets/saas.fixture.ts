// Okta's API takes its token in an `Authorization: SSWS <token>` header.
export async function listUsers(): Promise<Response> {
  return fetch('https://acme.okta.com/api/v1/users', {
    // ruleid: secrets.okta.api-token
    headers: { Accept: 'application/json', Authorization: `SSWS 00VAkuTSpBGny2e9DBzb109iMgkHGqRlgB2knVreXF` },
  });
}

export async function listGroups(): Promise<Response> {
  return fetch('https://acme.okta.com/api/v1/groups', {
    // ok: secrets.okta.api-token
    headers: { Authorization: `SSWS ${process.env.OKTA_API_TOKEN}` },
  });
}

export const geoip = new WebServiceClient('1234567', {
  // ruleid: secrets.maxmind.license-key
  licenseKey: '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',
});
