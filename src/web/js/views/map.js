// The offline map: country outlines from /assets/world.json (world-atlas, projected on the server
// to x = lon + 180, y = 90 − lat) with the story's places, zoomed to them with the viewBox.
/* global fetch */
import { h, svg } from '../dom.js';

let world = null;
const loadWorld = () => (world ??= fetch('/assets/world.json').then((r) => r.json()));

const xy = (p) => [p.lon + 180, 90 - p.lat];

/** The viewBox around the points, with room around them and at least a region's width. */
export function frame(points) {
  if (!points.length) return [0, 0, 360, 180];
  const xs = points.map((p) => xy(p)[0]);
  const ys = points.map((p) => xy(p)[1]);
  const w = Math.max(Math.max(...xs) - Math.min(...xs), 16) * 1.5;
  const hgt = Math.max(Math.max(...ys) - Math.min(...ys), 10, w / 2) * 1.4;
  const width = Math.max(w, hgt * 1.6);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return [cx - width / 2, cy - hgt / 2, width, hgt];
}

export function storyMap(map) {
  const box = frame(map.points);
  const el = svg('svg', {
    class: 'map',
    viewBox: box.join(' '),
    role: 'img',
    'aria-label': `Map of ${map.points.map((p) => p.name).join(', ') || 'the world'}`,
  });
  const land = svg('g', { class: 'land' });
  el.append(land);
  const r = box[2] / 90;
  const pts = svg('g', { class: 'points' });
  // Labels for the places most reports name (all when few), so nearby towns do not pile up.
  const ranked = [...map.points].sort(
    (a, b) => Number(b.main) - Number(a.main) || b.articles.length - a.articles.length,
  );
  const labelled = new Set(ranked.slice(0, 5));
  for (const p of ranked.reverse()) {
    const [x, y] = xy(p);
    pts.append(
      svg(
        'circle',
        { cx: x, cy: y, r: p.main ? r * 1.5 : r, class: p.main ? 'pt pt-main' : 'pt' },
        svg('title', {}, `${p.name}${p.country ? `, ${p.country}` : ''} · ${p.articles.length} report(s)`),
      ),
    );
    if (labelled.has(p))
      pts.append(
        svg('text', { x: x + r * 1.8, y: y + r * 0.7, class: 'pt-label', 'font-size': r * 2.2 }, p.name),
      );
  }
  el.append(pts);
  loadWorld()
    .then((w) => land.append(...w.countries.map((c) => svg('path', { d: c.d }, svg('title', {}, c.name)))))
    .catch(() => el.classList.add('map-failed'));
  const wrap = h('figure', { class: 'map-wrap' }, el);
  if (!map.points.length) wrap.append(h('figcaption', { class: 'muted' }, 'No places found for this story.'));
  else wrap.append(h('figcaption', { class: 'muted small' }, map.points.map((p) => p.name).join(' · ')));
  return wrap;
}
