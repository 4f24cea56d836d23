// gva-dev, per incident: group the articles by their true incident, aggregate each group the way a
// story is aggregated (main place, event date, killed / injured), and score against incidents.jsonl:
// city within 161 km of lat_lon, incident date exact, killed and injured counts exact.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model/index.ts';
import { extractArticle } from '../../src/pipeline/2-extract/extract.ts';
import { extractDates } from '../../src/pipeline/3-analyze/dates/dates.ts';
import { eventDate, storyEventDate } from '../../src/pipeline/3-analyze/event-date.ts';
import { articleCasualties, storyCasualties, type Casualties } from '../../src/pipeline/3-analyze/figures/casualties.ts';
import { extractFigures } from '../../src/pipeline/3-analyze/figures/figures.ts';
import { articlePlaces, storyPlace, type ArticlePlaces } from '../../src/pipeline/3-analyze/places/places.ts';
import { argValue, corpus, gvaIncidents, jsonLines, type GvaIncident } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { haversineKm } from './geowebnews.ts';

type Incident = GvaIncident;

interface PerArticle {
  /** Evidence for `--dump`: where the article came from and the spans its numbers were read from. */
  url?: string | null;
  title?: string;
  published?: string | null;
  eventText?: string;
  figures?: string[];
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

export function analyzeForIncident(article: Article, evidence = false): PerArticle {
  const dates = extractDates(article);
  const places = articlePlaces(article);
  // Headlines state counts tersely ("5 shot, 1 killed"): read them too.
  const figures = [...extractFigures(article, dates), ...extractFigures({ text: article.title }, [], { headline: true })];
  const event = eventDate(article, dates);
  const out: PerArticle = { places: { ...places, textLength: article.text.length }, event, casualties: articleCasualties(figures, { text: `${article.title}\n${article.text}` }) };
  if (evidence) {
    const around = (s: number, e: number, t = article.text) => t.slice(Math.max(0, s - 60), e + 40).replace(/\s+/g, ' ');
    out.url = article.url;
    out.title = article.title;
    out.published = article.published?.date ?? null;
    out.eventText = event?.span ? around(event.span.start, event.span.end) : undefined;
    out.figures = figures.filter((f) => f.counts === 'killed' || f.counts === 'injured' || f.counts === 'shot').map((f) => `${f.counts}=${f.value}${f.vague ? '?' : ''} @${f.start} «${f.text}» ${f.start < 1500 ? around(f.start, f.end) : ''}`);
  }
  return out;
}

/** `--dump FILE`: one JSON line per scored incident, gold vs predicted, with each article's evidence. */
const dumpPath = argValue('--dump');

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);

export const section: Section = {
  name: 'incidents',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const incidents = gvaIncidents(dir);
    const groups = new Map<string, PerArticle[]>();
    let articles = 0;
    const t0 = performance.now();
    for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
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
      groups.get(key)!.push(analyzeForIncident(article, !!dumpPath));
    }
    const ms = performance.now() - t0;
    const dump: string[] = [];
    let cityN = 0, cityOk = 0, dateN = 0, dateOk = 0, countN = 0, killedOk = 0, injuredOk = 0;
    for (const [id, per] of groups) {
      const gold = incidents.get(id);
      if (!gold) continue;
      const p = storyPlace(per.map((x) => x.places));
      const km = p && gold.lat_lon ? Math.round(haversineKm(p.lat, p.lon, gold.lat_lon[0], gold.lat_lon[1])) : null;
      if (gold.lat_lon) {
        cityN++;
        if (km !== null && km <= 161) cityOk++;
      }
      const goldDate = isoDate(gold.date);
      const day = storyEventDate(per.map((x) => x.event));
      if (goldDate) {
        dateN++;
        if (day === goldDate) dateOk++;
      }
      const c = storyCasualties(per.map((x) => x.casualties));
      if (typeof gold.num_killed === 'number' && typeof gold.num_injured === 'number') {
        countN++;
        if (c.killed === gold.num_killed) killedOk++;
        if (c.injured === gold.num_injured) injuredOk++;
      }
      if (dumpPath) {
        const g = gold as Incident & { city_or_county?: string; state?: string };
        const articles = per.map((x) => ({
          url: x.url, title: x.title, published: x.published, event: x.event?.date ?? null, eventText: x.eventText,
          casualties: x.casualties, figures: x.figures,
          places: [...(x.places.outlet ? [`O:${x.places.outlet.name}`] : []), ...x.places.title.map((q) => `T:${q.name},${q.admin1}`), ...x.places.text.slice(0, 8).map((q) => `${q.text}@${q.start}=${q.name},${q.admin1}`)],
        }));
        dump.push(JSON.stringify({
          id, gold: { date: goldDate, city: `${g.city_or_county}, ${g.state}`, killed: gold.num_killed, injured: gold.num_injured },
          pred: { date: day, city: p ? `${p.name}, ${p.admin1}` : null, km, killed: c.killed, injured: c.injured },
          ok: { city: km !== null && km <= 161, date: day === goldDate, killed: c.killed === gold.num_killed, injured: c.injured === gold.num_injured },
          articles,
        }));
      }
    }
    if (dumpPath) writeFileSync(dumpPath, dump.join('\n') + '\n');
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
