// Fixed dev/check split for tuning: a key is in the dev part when the first hex digit of its
// SHA-1 is below 'b' (11 of 16); the check part is reported, never looked at while tuning.
import { createHash } from 'node:crypto';

export type Part = 'dev' | 'check';

export const partOf = (key: string): Part => (createHash('sha1').update(key).digest('hex')[0] < 'b' ? 'dev' : 'check');
