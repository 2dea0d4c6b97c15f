// Shapes of the false positives found by the fifth held-out study (docs/accuracy.md), with values of our own.

// Error codes: lower-case words joined by `/` and `_`, under a constant named for a token error.
// ok: secrets.generic.token-assignment
export const TOKEN_NOT_FOUND = 'auth/refresh_token_not_found' as const;
// ok: secrets.generic.token-assignment
export const ACCESS_TOKEN_LABEL_SHORT = 'access_token/label_too_short';
// ruleid: secrets.generic.token-assignment
export const ACCESS_TOKEN = 'kq7zt3wx/pm4rb8nd2vh6';

// PostHog project keys (phc_) are public by design: the PostHog rule leaves them out, so the generic ones do too.
export class Analytics {
  // ok: secrets.generic.api-key-assignment
  private POSTHOG_API_KEY = 'phc_Tq8vZ2mXw7Lp4Rk9Nb3Yc6HdJs5Gf1Ka0Ue4Wi9Oy2';
  // ruleid: secrets.generic.api-key-assignment
  private SEGMENT_API_KEY = 'Tq8vZ2mXw7Lp4Rk9Nb3Yc6HdJs5Gf1Ka';
}
