// gva-dev, scored on what the reader sees: the whole pipeline runs as `parallax analyze --json` does
// (ingestPaths into an in-memory store, then storiesReport), and each predicted story is scored
// against its majority incident (the incident most of its articles belong to; ties: the first):
//   where   story `where` within 161 km of the incident's lat_lon (no `where` = wrong);
//   when    story `when` equal to the incident date (null = wrong);
//   killed / injured  from the story's `how_many` (issue 18). The value a reader is shown is the
//           entry's `value`. No entry for the thing means "none reported": right when the incident
//           has 0, a miss otherwise (never a wrong value). A disputed entry whose sides include the
//           true count is reported apart ("disputed, truth among sides"): neither right nor wrong.
//           `wrong shown` = a number shown that is not the incident's.
// Incidents without the metadata a measure needs are left out of that measure. Stories are split
// dev/check by a hash of their majority incident's id. `--dump FILE` writes one line per story.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryReport } from '../../src/model/index.ts';
import { argValue, corpus, gvaIncidents, jsonLines} from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { haversineKm } from '../extract/geowebnews.ts';
import { analyzeFolder } from './gva-run.ts';
import { partOf, share, shown, type Part } from './split.ts';


/** The story-level count summary (issue 18, contract addition); absent on older stories. */
export interface HowManyEntry {
  what: string;
  status: 'agreed' | 'single-source' | 'disputed';
  value: number | null;
  values: { value: number; text?: string; articles: string[] }[];
}
type WithHowMany = StoryReport & { how_many?: HowManyEntry[] };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** incidents.jsonl writes "January 27, 2014". */
export function isoDay(s: string | undefined): string | null {
  const m = /^(\w+) (\d{1,2}), (\d{4})$/.exec(s?.trim() ?? '');
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
  return m && month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}` : null;
}

export type CountOutcome = 'right' | 'wrong' | 'missed' | 'disputed-has-truth';

/** How a story's shown count for `what` compares with the true count. */
export function countOutcome(howMany: HowManyEntry[] | undefined, what: string, truth: number): CountOutcome {
  const entry = howMany?.find((h) => h.what === what);
  if (!entry) return truth === 0 ? 'right' : 'missed';
  if (entry.value !== null) return entry.value === truth ? 'right' : 'wrong';
  return entry.values.some((v) => v.value === truth) ? 'disputed-has-truth' : 'wrong';
}

/** The incident most of a story's articles belong to, and how many of them do. */
export function majority(story: StoryReport, incidentOf: Map<string, string>): { id: string; n: number } | null {
  const counts = new Map<string, number>();
  for (const a of story.articles) {
    const inc = incidentOf.get(a.id);
    if (inc) counts.set(inc, (counts.get(inc) ?? 0) + 1);
  }
  let best: { id: string; n: number } | null = null;
  for (const [id, n] of counts) if (!best || n > best.n) best = { id, n };
  return best;
}

interface Tally {
  /** Disputed `how_many` entries, and of those the ones no value conflict of the comparison lists (two dispute tests telling the reader two things). */
  hmDisputed: number;
  hmUnlisted: number;
  /** Count disputes the conflict list shows (not a toll that rose) whose `how_many` entry is not disputed or missing. */
  hmListedSettled: number;
  stories: number;
  whereN: number;
  whereOk: number;
  whereNull: number;
  whenN: number;
  whenOk: number;
  whenNull: number;
  /** Stories whose `when` is the publication day standing in (`when_basis: published`), and of those right. */
  whenPub: number;
  whenPubOk: number;
  countN: number;
  killed: Record<CountOutcome, number>;
  injured: Record<CountOutcome, number>;
}
const outcomes = (): Record<CountOutcome, number> => ({ right: 0, wrong: 0, missed: 0, 'disputed-has-truth': 0 });
const tally = (): Tally => ({ hmDisputed: 0, hmUnlisted: 0, hmListedSettled: 0, stories: 0, whereN: 0, whereOk: 0, whereNull: 0, whenN: 0, whenOk: 0, whenNull: 0, whenPub: 0, whenPubOk: 0, countN: 0, killed: outcomes(), injured: outcomes() });

const dumpPath = argValue('--dump');

export const section: Section = {
  name: 'gva',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const incidents = gvaIncidents(dir);
    const incidentOf = new Map<string, string>();
    for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
      const a = JSON.parse(line) as { id: string; incident: string };
      incidentOf.set(a.id, String(a.incident));
    }
    const run = await analyzeFolder(dir);
    const stories = run.stories as WithHowMany[];
    const seconds = run.seconds;
    const parts: Record<Part, Tally> = { dev: tally(), check: tally() };
    const hasHowMany = stories.some((s) => Array.isArray(s.how_many));
    const dump: string[] = [];
    for (const s of stories) {
      const maj = majority(s, incidentOf);
      const gold = maj && incidents.get(maj.id);
      if (!maj || !gold) continue;
      const t = parts[partOf(maj.id)];
      t.stories++;
      let km: number | null = null;
      if (gold.lat_lon) {
        t.whereN++;
        if (!s.where) t.whereNull++;
        else {
          km = Math.round(haversineKm(s.where.lat, s.where.lon, gold.lat_lon[0], gold.lat_lon[1]));
          if (km <= 161) t.whereOk++;
        }
      }
      const day = isoDay(gold.date);
      if (day) {
        t.whenN++;
        if (!s.when) t.whenNull++;
        else if (s.when === day) t.whenOk++;
        if (s.when_basis === 'published') {
          t.whenPub++;
          if (s.when === day) t.whenPubOk++;
        }
      }
      let killed: CountOutcome | null = null;
      let injured: CountOutcome | null = null;
      if (typeof gold.num_killed === 'number' && typeof gold.num_injured === 'number') {
        t.countN++;
        killed = countOutcome(s.how_many, 'killed', gold.num_killed);
        injured = countOutcome(s.how_many, 'injured', gold.num_injured);
        t.killed[killed]++;
        t.injured[injured]++;
      }
      // One dispute test: a count is disputed in `how_many` exactly when the conflict list shows it.
      const countDispute = (c: StoryReport['comparison']['conflicts'][number], what: string) => c.kind === 'value' && !c.over_time && (c.about ?? '').includes(what);
      for (const h of s.how_many ?? []) {
        if (h.status !== 'disputed') continue;
        t.hmDisputed++;
        if (!s.comparison.conflicts.some((c) => countDispute(c, h.what))) t.hmUnlisted++;
      }
      for (const what of ['killed', 'injured'])
        if (s.comparison.conflicts.some((c) => c.about === `number ${what}` && countDispute(c, what)) && !s.how_many?.some((h) => h.what === what && h.status === 'disputed')) t.hmListedSettled++;
      if (dumpPath)
        dump.push(JSON.stringify({
          story: s.id, title: s.title, articles: s.articles.length, incident: maj.id, ofIncident: maj.n,
          gold: { date: day, place: `${gold.city_or_county}, ${gold.state}`, latLon: gold.lat_lon ?? null, killed: gold.num_killed, injured: gold.num_injured },
          pred: { when: s.when, where: s.where ? `${s.where.name}, ${s.where.country}` : null, km, how_many: s.how_many?.map((h) => `${h.what}=${h.value ?? h.values.map((v) => v.value).join('|')} (${h.status})`) },
          ok: { where: km !== null && km <= 161, when: s.when === day, killed, injured },
        }));
    }
    if (dumpPath) writeFileSync(dumpPath, dump.join('\n') + '\n');
    if (!hasHowMany) console.log('note: no story carries `how_many` yet: killed/injured read as "none reported" everywhere.');
    console.log(`${stories.length} predicted stories (${seconds.toFixed(0)} s to ingest and report); scored per story against its majority incident`);
    console.log('metric                           | dev                  | check');
    const row = (name: string, f: (t: Tally) => string) => console.log(`${name.padEnd(32)} | ${f(parts.dev).padEnd(20)} | ${f(parts.check)}`);
    row('stories', (t) => String(t.stories));
    row('where within 161 km', (t) => shown(t.whereOk, t.whereN));
    row('  where missing', (t) => String(t.whereNull));
    row('when = incident day', (t) => shown(t.whenOk, t.whenN));
    row('  when missing', (t) => String(t.whenNull));
    row('  when shown as publication day (right)', (t) => `${t.whenPub} (${t.whenPubOk})`);
    for (const what of ['killed', 'injured'] as const) {
      row(`${what}: right value shown`, (t) => shown(t[what].right, t.countN));
      row(`  ${what}: wrong value shown`, (t) => shown(t[what].wrong, t.countN));
      row(`  ${what}: none shown, truth > 0`, (t) => String(t[what].missed));
      row(`  ${what}: disputed, truth a side`, (t) => String(t[what]['disputed-has-truth']));
    }
    row('how_many disputed (no such conflict listed)', (t) => `${t.hmDisputed} (${t.hmUnlisted})`);
    row('  killed/injured conflict listed, how_many not disputed', (t) => String(t.hmListedSettled));
    const out = (t: Tally) => ({
      stories: t.stories,
      where161: share(t.whereOk, t.whereN), whereIncidents: t.whereN,
      when: share(t.whenOk, t.whenN), whenIncidents: t.whenN,
      killed: share(t.killed.right, t.countN), killedWrongShown: share(t.killed.wrong, t.countN),
      injured: share(t.injured.right, t.countN), injuredWrongShown: share(t.injured.wrong, t.countN),
      countIncidents: t.countN, killedOutcomes: t.killed, injuredOutcomes: t.injured,
      howManyDisputed: t.hmDisputed, howManyDisputedUnlisted: t.hmUnlisted, countConflictsNotDisputed: t.hmListedSettled,
    });
    return { stories: stories.length, seconds: Math.round(seconds), hasHowMany, dev: out(parts.dev), check: out(parts.check) };
  },
};
