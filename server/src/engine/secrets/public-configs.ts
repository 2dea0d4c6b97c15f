/**
 * Keys a provider documents as public, told by the configuration they sit in: found (a key restricted by nothing is
 * still worth restricting), but lowered, with the reason in the message.
 */

/** Firebase's app configuration files, which Firebase generates for the app to ship. */
const FIREBASE_FILES = /(?:^|\/)(?:google-services\.json|GoogleService-Info\.plist)$/;
/** Words of a Firebase web configuration object (`firebaseConfig = { apiKey, authDomain, projectId, … }`). */
const FIREBASE_WORDS = /\bauthDomain\b|\.firebaseapp\.com\b|\bfirebase/i;
/** How many lines around the key a Firebase configuration's other fields are looked for. */
const AROUND = 6;

/**
 * Why a Google API key found on line `line` of the file at `rel` (workspace-relative, `/`-separated) is public by
 * design, or undefined: in Firebase's generated app configuration, or beside a Firebase web configuration's fields.
 * Firebase documents these keys as identifiers of the project, not secrets; the key's restrictions protect it.
 */
export function publicConfigReason(ruleId: string, rel: string, lineText: (line: number) => string | undefined, line: number): string | undefined {
  if (ruleId !== 'secrets.gcp.api-key') return undefined;
  let firebase = FIREBASE_FILES.test(rel);
  for (let i = line - AROUND; !firebase && i <= line + AROUND; i++) {
    const text = i >= 0 ? lineText(i) : undefined;
    if (text !== undefined && FIREBASE_WORDS.test(text)) firebase = true;
  }
  return firebase
    ? "a Firebase app configuration's API key, which Firebase documents as public (it names the project, and ships in every copy of the app): severity is lowered, but restrict the key to its APIs and apps in the Google Cloud console"
    : undefined;
}
