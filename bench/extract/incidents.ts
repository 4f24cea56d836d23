// gva-dev, per incident: group the articles by their true incident, aggregate each group the way a
// story is aggregated (main place, event date, killed / injured), and score against incidents.jsonl:
// city within 161 km of lat_lon, incident date exact, killed and injured counts exact.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model/index.ts';
import { extractArticle } from '../../src/pipeline/2-extract/extract.ts';
import { extractDates } from '../../src/pipeline/3-analyze/dates/dates.ts';
import { eventDate, storyEventDate } from '../../src/pipeline/3-analyze/event-date.ts';
import { articleCasualties, storyCasualties, type Casualties } from '../../src/pipeline/3-analyze/figures/casualties.ts';
import { extractFigures } from '../../src/pipeline/3-analyze/figures/figures.ts';
import { articlePlaces, storyPlace, type ArticlePlaces } from '../../src/pipeline/3-analyze/places/places.ts';
import { corpus } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { haversineKm } from './geowebnews.ts';

interface Incident {
  incident: string;
  date?: string;
  num_killed?: number;
  num_injured?: number;
  lat_lon?: [number, number];
}

interface PerArticle {
  places: ArticlePlaces;
  event: ReturnType<typeof eventDate>;
  casualties: Casualties;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
function isoDate(s: string | undefined): string | null {
  const m = /^(\w+) (\d{1,2}), (\d{4})$/.exec(s?.trim() ?? '');
  if (!m) return null;
  const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
  return month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}` : null;
}

export function analyzeForIncident(article: Article): PerArticle {
  const dates = extractDates(article);
  const places = articlePlaces(article);
  return {
    places: { ...places, textLength: article.text.length },
    event: eventDate(article, dates),
    // Headlines state counts tersely ("5 shot, 1 killed"): read them too.
    casualties: articleCasualties([...extractFigures(article, dates), ...extractFigures({ text: article.title }, [], { headline: true })]),
  };
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);

export const section: Section = {
  name: 'incidents',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const incidents = new Map<string, Incident>();
    for (const line of readFileSync(join(dir, 'incidents.jsonl'), 'utf8').split('\n')) if (line.trim()) {
      const inc = JSON.parse(line) as Incident;
      incidents.set(inc.incident, inc);
    }
    const groups = new Map<string, PerArticle[]>();
    let articles = 0;
    const t0 = performance.now();
    for (const line of readFileSync(join(dir, 'articles.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      let article: Article;
      try {
        article = extractArticle({ format: 'json', path: null, url: null, content: line, record });
      } catch {
        continue;
      }
      articles++;
      const key = String(record.incident);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(analyzeForIncident(article));
    }
    const ms = performance.now() - t0;
    let cityN = 0, cityOk = 0, dateN = 0, dateOk = 0, countN = 0, killedOk = 0, injuredOk = 0;
    for (const [id, per] of groups) {
      const gold = incidents.get(id);
      if (!gold) continue;
      if (gold.lat_lon) {
        cityN++;
        const p = storyPlace(per.map((x) => x.places));
        if (p && haversineKm(p.lat, p.lon, gold.lat_lon[0], gold.lat_lon[1]) <= 161) cityOk++;
      }
      const goldDate = isoDate(gold.date);
      if (goldDate) {
        dateN++;
        if (storyEventDate(per.map((x) => x.event)) === goldDate) dateOk++;
      }
      if (typeof gold.num_killed === 'number' && typeof gold.num_injured === 'number') {
        countN++;
        const c = storyCasualties(per.map((x) => x.casualties));
        if (c.killed === gold.num_killed) killedOk++;
        if (c.injured === gold.num_injured) injuredOk++;
      }
    }
    const result = {
      articles,
      incidents: groups.size,
      city161: pct(cityOk, cityN),
      cityIncidents: cityN,
      date: pct(dateOk, dateN),
      dateIncidents: dateN,
      killed: pct(killedOk, countN),
      injured: pct(injuredOk, countN),
      countIncidents: countN,
      msPerArticle: Math.round((ms / articles) * 100) / 100,
    };
    console.log('metric        | accuracy | incidents');
    console.log(`city @161 km  | ${result.city161.toFixed(3)}    | ${cityN}`);
    console.log(`incident date | ${result.date.toFixed(3)}    | ${dateN}`);
    console.log(`killed        | ${result.killed.toFixed(3)}    | ${countN}`);
    console.log(`injured       | ${result.injured.toFixed(3)}    | ${countN}`);
    console.log(`(${articles} articles, extract + dates + places + figures ${result.msPerArticle} ms/article)`);
    return result;
  },
};
