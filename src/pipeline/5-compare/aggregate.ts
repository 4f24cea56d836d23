// Story-level view of the articles' mentions: places, dates, figures, quotes and entities
// gathered across articles, with the articles that carry each.
import type { ReportDate, ReportEntity, ReportFigure, ReportPlace, ReportQuote, StoryReport } from '../../model/index.ts';
import type { StoredArticle } from '../../store/store.ts';
import { linkEntities } from '../3-analyze/entities/link.ts';
import { storyWhen, storyWhere } from './story-where.ts';

export interface StoryMentions {
  entities: ReportEntity[];
  places: ReportPlace[];
  dates: ReportDate[];
  figures: ReportFigure[];
  quotes: ReportQuote[];
  when: string | null;
  where: StoryReport['where'];
}

/**
 * The entities a story shows and compares as who-facts. Precision first: a name no cue could type
 * (neither person, organisation nor place) is mostly page furniture or a fragment ("Copy", "Play
 * Facebook"; hand-labelled gva-dev: 4 of 57 real), so it is shown only when it speaks.
 */
export function shownEntities(agg: Pick<StoryMentions, 'entities' | 'quotes'>): ReportEntity[] {
  const speakers = new Set(agg.quotes.map((q) => q.speaker));
  return agg.entities.filter((e) => e.type !== 'other' || speakers.has(e.name));
}

export function aggregateMentions(stored: (Pick<StoredArticle, 'article' | 'mentions'> & { copyOf?: string | null })[]): StoryMentions {
  const places = new Map<string, ReportPlace>();
  const dates = new Map<string, ReportDate>();
  const figures: ReportFigure[] = [];
  const quotes: ReportQuote[] = [];
  const addTo = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  for (const { article, mentions } of stored) {
    for (const p of mentions.places) {
      const key = `${p.name}|${p.country}`;
      let pl = places.get(key);
      if (!pl) places.set(key, (pl = { name: p.name, country: p.country, lat: p.lat, lon: p.lon, articles: [] }));
      addTo(pl.articles, article.id);
    }
    for (const d of mentions.dates) {
      if (!d.date) continue;
      const key = `${d.date}|${d.text}|${d.granularity}`;
      let rd = dates.get(key);
      if (!rd) dates.set(key, (rd = { date: d.date, text: d.text, what: d.what ?? '', articles: [], granularity: d.granularity }));
      addTo(rd.articles, article.id);
    }
    for (const f of mentions.figures) {
      figures.push({ value: f.value, approx: f.approx, unit: f.unit, counts: f.counts, text: f.text, article: article.id });
    }
    for (const q of mentions.quotes) quotes.push({ text: q.text, speaker: q.speaker, article: article.id });
  }
  const placeList = [...places.values()].sort((a, b) => b.articles.length - a.articles.length);
  const entities = linkEntities(stored.map((s) => ({ id: s.article.id, mentions: s.mentions, copyOf: s.copyOf ?? null })));
  return {
    entities,
    places: placeList,
    dates: [...dates.values()].sort((a, b) => a.date.localeCompare(b.date)),
    figures,
    quotes: quotes.map((q) => ({ ...q, speaker: canonicalSpeaker(q, entities) })),
    when: storyWhen(stored),
    where: storyWhere(stored),
  };
}

/** A quote's speaker as the story's entity name ("Ana Kovac" in one outlet is "Ana Kovač" of the story), else as written. */
function canonicalSpeaker(q: ReportQuote, entities: ReportEntity[]): string | null {
  if (!q.speaker) return null;
  const named = (e: ReportEntity, inArticle: boolean) => e.variants.some((v) => v.form === q.speaker && (!inArticle || v.articles.includes(q.article)));
  const entity = entities.find((e) => e.type === 'person' && named(e, true)) ?? entities.find((e) => named(e, true)) ?? entities.find((e) => named(e, false));
  return entity?.name ?? q.speaker;
}
