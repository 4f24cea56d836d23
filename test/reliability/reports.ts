// Made-up news reports for the reliability tests, in our own words: events (a kind of incident in a
// town on a day) each told by a few outlets, so grouping has real work to do. Deterministic by id.
const TOWNS = ['Aldmere', 'Brackenford', 'Calverton', 'Dunmarsh', 'Eastwick', 'Fallowby', 'Greystone', 'Harwick', 'Ivybridge', 'Jessop', 'Kettering', 'Lowfield', 'Marrow', 'Northam', 'Oakhurst', 'Pendle', 'Quarry Hill', 'Redbrook', 'Saltash', 'Thornbury'];
const KINDS = [
  ['fire', 'A warehouse fire in {town} forced {n} families from their homes on {day}, the fire service said.', 'Crews fought the blaze through the night and the cause is not yet known.'],
  ['flood', 'Flooding in {town} cut off {n} homes on {day} after the river burst its banks.', 'Council workers handed out sandbags and opened a school as a shelter.'],
  ['strike', 'Bus drivers in {town} walked out on {day}, and {n} routes stopped running.', 'The union said talks over pay had broken down the week before.'],
  ['crash', 'A lorry and a coach collided near {town} on {day}, injuring {n} people.', 'Police closed the road for several hours while the wreckage was cleared.'],
  ['storm', 'A storm brought down trees across {town} on {day}, leaving {n} households without power.', 'Engineers expected to restore supply within two days.'],
];
const OUTLETS = ['Valley Courier', 'Harbor Ledger', 'Northgate Post', 'Eastbridge Times', 'County Wire'];

export interface Report {
  id: string;
  title: string;
  text: string;
  source: string;
  published: string;
}

/** Report `i` of a run tagged `tag`: five reports per event, events spread over towns and days. */
export function report(tag: string, i: number): Report {
  const event = Math.floor(i / 5);
  const [kind, lead, more] = KINDS[event % KINDS.length];
  const town = `${TOWNS[event % TOWNS.length]}${event >= 100 ? ` ${tag}${Math.floor(event / 100)}` : ''}`;
  const day = `2026-0${1 + (event % 9)}-${String(1 + (event % 28)).padStart(2, '0')}`;
  const n = 10 + ((event * 7) % 90) + (i % 5 === 4 ? 3 : 0);
  const text = `${lead.replace('{town}', town).replace('{n}', String(n)).replace('{day}', day)} ${more} Report ${tag}-${i}.`;
  return { id: `${tag}-${i}`, title: `${kind[0].toUpperCase()}${kind.slice(1)} in ${town}`, text, source: OUTLETS[i % 5], published: day };
}

export const jsonl = (tag: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, k) => JSON.stringify(report(tag, from + k))).join('\n') + '\n';
