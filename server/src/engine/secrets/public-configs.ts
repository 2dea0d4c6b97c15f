/**
 * Keys a provider documents as public, told by the configuration they sit in: found (a key restricted by nothing is
 * still worth restricting), but lowered, with the reason in the message.
 */

/** Firebase's app configuration files, which Firebase generates for the app to ship. */
const FIREBASE_FILES = /(?:^|\/)(?:google-services\.json|GoogleService-Info\.plist)$/;
/** Words of a Firebase web configuration object (`firebaseConfig = { apiKey, authDomain, projectId, … }`). */
const FIREBASE_WORDS = /\bauthDomain\b|\.firebaseapp\.com\b|\bfirebase/i;
/** The key's own line names Firebase (`NEXT_PUBLIC_FIREBASE_API_KEY=…`, `firebaseApiKey: …`). */
const FIREBASE_NAME = /firebase/i;
/**
 * The key's own line is a configuration object's bare `apiKey` field, which only its neighbours place: a line that
 * names its key otherwise (`GOOGLE_MAPS_SERVER_KEY=` in a `.env` beside Firebase's) is that key's own.
 */
const API_KEY_FIELD = /(?:^|[\s{,"'])(?:apiKey|api_key|key)["']?\s*[:=]/i;
/** How many lines around the key a Firebase configuration's other fields are looked for. */
const AROUND = 6;

/**
 * Why a Google API key found on line `line` of the file at `rel` (workspace-relative, `/`-separated) is public by
 * design, or undefined: in Firebase's generated app configuration, named for Firebase on its own line, or as a bare
 * `apiKey` field beside a Firebase web configuration's fields. Firebase documents these keys as identifiers of the
 * project, not secrets; the key's restrictions protect it.
 */
export function publicConfigReason(ruleId: string, rel: string, lineText: (line: number) => string | undefined, line: number): string | undefined {
  if (ruleId !== 'secrets.gcp.api-key') return undefined;
  const own = lineText(line) ?? '';
  let firebase = FIREBASE_FILES.test(rel) || FIREBASE_NAME.test(own);
  const field = API_KEY_FIELD.test(own);
  for (let i = line - AROUND; !firebase && field && i <= line + AROUND; i++) {
    const text = i >= 0 ? lineText(i) : undefined;
    if (text !== undefined && FIREBASE_WORDS.test(text)) firebase = true;
  }
  return firebase
    ? "a Firebase app configuration's API key, which Firebase documents as public (it names the project, and ships in every copy of the app): severity is lowered, but restrict the key to its APIs and apps in the Google Cloud console"
    : undefined;
}
