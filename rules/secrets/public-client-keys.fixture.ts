// Client SDK keys their providers document as public, beside the secrets that go with them.
// ok: secrets.generic.api-key-assignment
export const AMPLITUDE_API_KEY = '5c1e9a07d4b26f83e0a7c15d92b4e6f1';
// ok: secrets.generic.api-key-assignment
export const PUSHER_APP_KEY = '7b3fd90c2e41a8d65f07';
// ruleid: secrets.generic.secret-assignment
export const AMPLITUDE_SECRET_KEY = 'e2b94c7a1f05d83b6a9c0e4f71d28b53';
// ruleid: secrets.generic.api-key-assignment
export const ACME_API_KEY = '9f4c2e7a1b8d3f6e0a5c7b2d4e8f1a3c';
