// When two figures for the same counted thing say the same thing. Hedges and rounding are read
// as ranges: "some 12,000" and "about 12,000" agree, "at least 12" and "14" do not, "more than
// 12,000" and "12,400" do, "dozens" and "about 50" do.
import type { FigureMention } from '../../model/index.ts';

export type Hedge = 'exact' | 'approx' | 'lower' | 'upper';

const HEDGE_WORDS: [Hedge, string][] = [
  ['lower', 'at least|more than|over|above|upwards of|in excess of|no fewer than|al menos|por lo menos|más de|mas de'],
  ['upper', 'fewer than|less than|under|below|up to|as many as|no more than|menos de|hasta'],
  ['approx', 'about|around|some|roughly|approximately|nearly|almost|close to|an estimated|estimated|cerca de|unos|unas|alrededor de|aproximadamente|casi'],
];
const BEFORE = HEDGE_WORDS.map(([h, w]) => [h, new RegExp(`(?:^|[^\\p{L}])(?:${w})\\s+$`, 'iu')] as const);
const LEADING = HEDGE_WORDS.map(([h, w]) => [h, new RegExp(`^(?:${w})\\s`, 'iu')] as const);

/** The hedge written just before a figure, and where it starts (so evidence can include it). */
export function hedgeBefore(text: string, start: number): { hedge: Hedge; start: number } | null {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [hedge, re] of BEFORE) {
    const m = re.exec(before);
    if (m) {
      const lead = /^[^\p{L}]/u.test(m[0]) ? 1 : 0;
      return { hedge, start: start - before.length + m.index + lead };
    }
  }
  return null;
}

/** The hedge at the start of the figure's own text ("about 12,000"), if the extractor kept it. */
export function hedgeWithin(figureText: string): Hedge | null {
  for (const [hedge, re] of LEADING) if (re.test(figureText)) return hedge;
  return null;
}

/** The largest power of ten that divides the value: 12,000 → 1,000; 40 → 10; 12 → 1. */
export function roundingUnit(v: number): number {
  if (!Number.isFinite(v) || v <= 0 || !Number.isInteger(v)) return 0;
  let unit = 1;
  while (v % (unit * 10) === 0 && unit < 1e12) unit *= 10;
  return unit;
}

// Ranges for vague quantities when the extractor gives none.
const VAGUE: [RegExp, number, number][] = [
  [/\bdozens\b|\bdecenas\b/i, 24, 99],
  [/\bscores\b/i, 40, 99],
  [/\bhundreds\b|\bcientos\b|\bcentenares\b/i, 200, 999],
  [/\bthousands\b|\bmiles\b/i, 2000, 9999],
  [/\bmillions\b|\bmillones\b/i, 2e6, 9.99e8],
  [/\bseveral\b|\bvarios\b|\bvarias\b/i, 3, 9],
  [/\ba few\b|\bunos pocos\b/i, 2, 5],
];

export interface Range {
  low: number;
  high: number;
}

/** The values a figure allows, or null when it cannot be compared (a vague word with no range). */
export function figureRange(f: Pick<FigureMention, 'value' | 'low' | 'high' | 'vague' | 'text'>, hedge: Hedge): Range | null {
  if (f.value === null || f.vague) {
    if (f.low != null && f.high != null) return { low: f.low, high: f.high };
    const v = VAGUE.find(([re]) => re.test(f.text));
    return v ? { low: v[1], high: v[2] } : null;
  }
  const v = f.value;
  if (f.low != null && f.high != null && f.low < f.high) return { low: f.low, high: f.high };
  const unit = roundingUnit(v);
  // "more than a dozen", "over a hundred": one of that unit and less than two of it.
  if (hedge === 'lower' && /\b(?:a|one)\s+(?:dozen|hundred|thousand|million)\b/i.test(f.text)) return { low: v, high: 2 * v - 1 };
  switch (hedge) {
    case 'lower':
      return { low: v, high: v + Math.max(unit, 1) };
    case 'upper':
      return { low: Math.max(0, v - Math.max(unit, 1)), high: v };
    case 'approx':
      return { low: Math.min(v * 0.9, v - unit / 2), high: Math.max(v * 1.1, v + unit / 2) };
    default:
      // A round exact figure ("120,000") is itself rounded at its last non-zero digit.
      return unit >= 1000 ? { low: v - unit / 2, high: v + unit / 2 } : { low: v, high: v };
  }
}

export const overlaps = (a: Range, b: Range) => a.low <= b.high && b.low <= a.high;
