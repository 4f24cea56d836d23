// The alerts routes in-process: make a watch, see its events in the inbox and its Atom feed, mark
// them read, follow a story, see dead letters; secrets never shown, inside webhook targets refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { ingest, storyOf } from './helpers.ts';

const TOKEN = 'test-token-0123456789';

function setup() {
  const store = new SqliteStore(':memory:');
  const { app } = createApp({ store, config: loadConfig({}, { db: ':memory:' }), token: TOKEN, ingestUrl: null, web: false, log: () => {} });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(`http://127.0.0.1${path}`, {
      method,
      headers: { host: '127.0.0.1', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { authorization: `Bearer ${TOKEN}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: text.startsWith('{') ? JSON.parse(text) : null };
  };
  return { store, call, app };
}

describe('alerts API', () => {
  it('makes a watch, fills its inbox and Atom feed, marks read, and keeps its secret', async () => {
    const { store, call } = setup();
    const made = await call('POST', '/api/watches', { name: 'Dams', words: 'dam', place: 'Tulcea', radiusKm: 40, webhookUrl: 'https://hooks.example.org/p', webhookSecret: 'a-long-secret' });
    assert.equal(made.status, 201, made.text);
    const w = made.json.watch;
    assert.equal(w.webhookSecret, undefined);
    assert.equal(w.webhookSigned, true);
    assert.equal(w.topic.place.name, 'Tulcea');
    assert.equal((await call('GET', '/api/inbox/count')).json.unread, 0);

    await ingest(store, ['day1', 'fire']);
    const inbox = (await call('GET', `/api/inbox?watch=${w.id}`)).json;
    assert.equal(inbox.unread, 1);
    assert.equal(inbox.events[0].kind, 'new-story');
    const event = (await call('GET', `/api/events/${inbox.events[0].id}`)).json.event;
    assert.equal(event.evidence[0].article, 'tulcea-hl-1');

    const atom = await call('GET', `/api/watches/${w.id}/feed.atom`);
    assert.match(atom.type, /application\/atom\+xml/);
    assert.match(atom.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.match(atom.text, new RegExp(`<id>urn:parallax:event:${event.id}</id>`));
    assert.match(atom.text, /Dam collapse near Tulcea kills 12/);

    assert.equal((await call('POST', '/api/inbox/read', { ids: [event.id] })).json.marked, 1);
    assert.equal((await call('GET', '/api/inbox/count')).json.unread, 0);
    const pending = (await call('GET', '/api/deliveries?state=pending')).json.deliveries;
    assert.equal(pending.length, 1);

    const muted = await call('PATCH', `/api/watches/${w.id}`, { muted: true, kinds: ['new-story'] });
    assert.equal(muted.json.watch.muted, true);
    assert.equal((await call('DELETE', `/api/watches/${w.id}`)).status, 200);
    assert.equal((await call('GET', `/api/watches/${w.id}`)).status, 404);
    await store.close();
  });

  it('follows a story; refuses bad input, unknown stories and inside webhook targets', async () => {
    const { store, call, app } = setup();
    const anonymous = await app.request('http://127.0.0.1/api/watches', { method: 'POST', headers: { host: '127.0.0.1', 'content-type': 'application/json' }, body: '{"words":"dam"}' });
    assert.equal(anonymous.status, 401, 'making a watch needs the token');
    await ingest(store, ['day1']);
    const story = await storyOf(store, 'tulcea-hl-1');
    assert.equal((await call('POST', '/api/watches', { storyId: story, kinds: ['figure-revised'] })).status, 201);
    assert.equal((await call('POST', '/api/watches', { storyId: 'no-such-story' })).status, 404);
    const bad = await call('POST', '/api/watches', { words: 'x', place: 'Nowhereville', kinds: ['new-story'] });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.message, /Nowhereville/);
    assert.equal((await call('POST', '/api/watches', { words: 'dam', kinds: ['bogus'] })).status, 400);
    const inside = await call('POST', '/api/watches', { words: 'dam', webhookUrl: 'http://169.254.169.254/latest', webhookSecret: 'a-long-secret' });
    assert.equal(inside.status, 400);
    assert.match(inside.json.error.message, /refusing/);
    assert.equal((await call('POST', '/api/watches', { words: 'dam' })).status, 201);
    await ingest(store, ['day2']);
    const inbox = (await call('GET', '/api/inbox?kinds=figure-revised')).json;
    assert.deepEqual(inbox.events.map((e: { detail: { old: number; new: number } }) => [e.detail.old, e.detail.new]), [[12, 14]]);
    assert.equal((await call('GET', '/api/openapi.json')).json.paths['/api/watches'].post.summary, 'Make a watch');
    await store.close();
  });
});
