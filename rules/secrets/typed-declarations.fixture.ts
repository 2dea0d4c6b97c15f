// A provider's key assigned with a declared type (`const X: string = "…"`) is assigned as without one.
// ruleid: secrets.algolia.admin-key
const ALGOLIA_ADMIN_KEY: string = "0c4b4d3e8f9a1b2c6d7e8f90a1b2c3d4";
// ok: secrets.algolia.admin-key
const ALGOLIA_ADMIN_KEY_NAME: string = "ALGOLIA_ADMIN_KEY";
// ruleid: secrets.postmark.server-token
export const postmarkToken: string | undefined = "7f3c2a19-4b8e-4d21-9c6a-5e0f1b2d3c4e";
