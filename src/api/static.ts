// Serves the web app: the files under src/web, read once at start (only those, so no path from
// a request ever reaches the file system), plus the offline world map.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { worldMapJson } from './world.ts';

export const WEB_ROOT = fileURLToPath(new URL('../web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

function loadAssets(root: string): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (TYPES[extname(name)])
        assets.set(`/${relative(root, p).split(sep).join('/')}`, {
          body: readFileSync(p),
          type: TYPES[extname(name)],
        });
    }
  };
  walk(root);
  return assets;
}

export function webRoutes(root = WEB_ROOT) {
  const assets = loadAssets(root);
  const app = new Hono();
  app.get('/assets/world.json', async (c) => {
    const map = await worldMapJson();
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(new Uint8Array(map.gzip), 200, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
    }
    return c.body(map.json, 200, { 'Content-Type': 'application/json' });
  });
  app.get('*', (c) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const asset = assets.get(path);
    if (!asset) return c.notFound();
    c.header('Cache-Control', path === '/index.html' ? 'no-cache' : 'public, max-age=300');
    return c.body(new Uint8Array(asset.body), 200, { 'Content-Type': asset.type });
  });
  return app;
}
