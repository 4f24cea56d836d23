/** A feed that cannot be read: bad format, hostile XML, over a limit. */
export class FeedError extends Error {
  override name = 'FeedError';
}
