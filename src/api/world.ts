// The offline world map: country outlines from world-atlas projected once with d3-geo into a
// plain lon/lat plane (x = lon + 180, y = 90 − lat), so the page needs no map library and
// can zoom with an SVG viewBox. No tile server, nothing fetched.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { geoEquirectangular, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export interface WorldMap {
  width: number;
  height: number;
  countries: { name: string; d: string }[];
}

let cached: Promise<{ json: string; gzip: Buffer }> | null = null;

async function build(resolution: '50m' | '110m'): Promise<string> {
  const topo = JSON.parse(
    await readFile(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8'),
  ) as Topology;
  const countries = feature(topo, topo.objects.countries as GeometryCollection<{ name: string }>);
  const projection = geoEquirectangular()
    .scale(180 / Math.PI)
    .translate([180, 90])
    .precision(0.1);
  const path = geoPath(projection).digits(2);
  const map: WorldMap = {
    width: 360,
    height: 180,
    countries: countries.features
      .map((f) => ({ name: f.properties?.name ?? '', d: path(f) ?? '' }))
      .filter((c) => c.d),
  };
  return JSON.stringify(map);
}

/** The world map as JSON (and gzipped: it is about 1 MB raw), built on first use and kept. */
export function worldMapJson(): Promise<{ json: string; gzip: Buffer }> {
  cached ??= build('50m').then((json) => ({ json, gzip: gzipSync(json) }));
  return cached;
}
