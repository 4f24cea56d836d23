// A feed is checked where it is subscribed, as every fetch is checked later: an address inside
// (loopback, private networks, cloud metadata) is refused at once rather than at its first poll.
// A name that does not resolve now (offline) is let through; each poll checks it again.
import { parseAllowList } from './address.ts';
import { FetchError } from './errors.ts';
import { checkedAddress, type Resolver } from './fetch.ts';

export async function refuseInsideAddress(url: string, allow: readonly string[], resolve?: Resolver): Promise<void> {
  try {
    await checkedAddress(new URL(url), { allow: parseAllowList(allow), resolve });
  } catch (err) {
    if (err instanceof FetchError && err.code === 'dns') return;
    throw err;
  }
}
