// Language of a text with eld's medium database (bundled in the npm package, no download).
import { eld } from 'eld/medium';

/** ISO 639-1 code, or 'und' when the text is too short or the guess unreliable. */
export function detectLanguage(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  if (sample.replace(/\s+/g, '').length < 12) return 'und';
  const result = eld.detect(sample);
  return result.language && result.language !== 'und' ? result.language : 'und';
}
