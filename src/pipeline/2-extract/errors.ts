// Why a report could not be extracted; the message is shown to the user as the skip reason.
export class ExtractError extends Error {
  override name = 'ExtractError';
}
