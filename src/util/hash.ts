import { createHash } from 'node:crypto';

/** Hex SHA-1 of a string, shortened: for ids, not for security. */
export const shortHash = (s: string, length = 12): string => createHash('sha1').update(s).digest('hex').slice(0, length);

/** Hex SHA-256 of a string: content identity. */
export const contentHash = (s: string): string => createHash('sha256').update(s).digest('hex');
