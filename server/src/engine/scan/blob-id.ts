/** Git object ids of file contents, so a scan result can be matched with a committed file version. */
import { createHash } from 'node:crypto';

/** The hash a repository names its objects with (`extensions.objectFormat`). */
export type GitObjectFormat = 'sha1' | 'sha256';

/** The object format of a repository, from one of its object ids (40 or 64 hex digits). */
export function objectFormatOf(objectId: string): GitObjectFormat {
  return objectId.length === 64 ? 'sha256' : 'sha1';
}

/** The id git gives a blob of these bytes (`git hash-object`, without filters): the hash of `blob <size>\0<bytes>`. */
export function gitBlobId(bytes: Uint8Array, format: GitObjectFormat = 'sha1'): string {
  return createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
