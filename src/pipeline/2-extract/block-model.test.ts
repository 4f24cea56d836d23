import assert from 'node:assert/strict';
import test from 'node:test';
import { type BlockModel, bodyProbability, shippedModel } from './block-model.ts';
import { blockFeatures, FEATURE_NAMES, rawBlocks } from './html-blocks.ts';
import { modelBody } from './html.ts';
import { parsePage } from './html-tree.ts';

const f = (name: string) => FEATURE_NAMES.indexOf(name);

/** A model that keeps a block exactly when its text is longer than `chars` characters. */
const longText = (chars: number): BlockModel => ({
  features: FEATURE_NAMES,
  bias: 0,
  trees: [{ f: f('logLen'), t: Math.log1p(chars), l: { v: -5 }, r: { v: 5 } }],
  threshold: 0.5,
  addThreshold: 0.5,
});

const SENTENCE =
  'The harbour board met on Tuesday and agreed, after a long debate, to rebuild the quay wall.';

test('the shipped model reads the features html-blocks computes and scores in [0, 1]', () => {
  const model = shippedModel();
  assert.ok(model, 'src/pipeline/2-extract/model/blocks.json is missing: run scripts/train-blocks.ts');
  assert.deepEqual(model.features, FEATURE_NAMES);
  assert.ok(model.trees.length > 0);
  const x = new Array(FEATURE_NAMES.length).fill(0);
  const p = bodyProbability(model, x);
  assert.ok(p > 0 && p < 1);
});

test('blocks: one per paragraph, navigation and hidden parts skipped, link share and kept flag set', () => {
  const page = parsePage(
    `<nav><a href="/">Home</a></nav><div hidden><p>secret</p></div>
     <div class="story"><p>${SENTENCE}</p><p><a href="/x">Other story headline here</a></p></div>`,
  );
  const raw = rawBlocks(page.root);
  assert.deepEqual(
    raw.map((b) => b.text),
    [SENTENCE, 'Other story headline here'],
  );
  const blocks = blockFeatures(raw, new Set([SENTENCE]), new Set([SENTENCE]));
  assert.equal(blocks[0].features[f('kept')], 1);
  assert.equal(blocks[1].features[f('kept')], 0);
  assert.equal(blocks[0].features[f('linkDensity')], 0);
  assert.equal(blocks[1].features[f('linkDensity')], 1);
  assert.equal(blocks[1].features[f('keptPrev')], 1);
});

function candidates(texts: string[], kept: string[], rules = kept) {
  const raw = rawBlocks(parsePage(texts.map((t) => `<p>${t}</p>`).join('')).root);
  return { rules, blocks: blockFeatures(raw, new Set(kept), new Set(kept)) };
}

test('model body: drops what the model rejects, adds what it accepts next to the body', () => {
  const body = [SENTENCE, `${SENTENCE} Again.`, `${SENTENCE} Once more, with feeling.`];
  const c = candidates([...body, 'Share', `${SENTENCE} The rules missed this one.`], [...body, 'Share']);
  assert.deepEqual(modelBody(c, longText(20)), [...body, `${SENTENCE} The rules missed this one.`]);
  // Without a model the rules' body stands.
  assert.deepEqual(modelBody(c, null), [...body, 'Share']);
});

test('model body: a block far from the body is not added, and a rules paragraph no block matches stays', () => {
  const body = [SENTENCE, `${SENTENCE} Again.`, `${SENTENCE} Once more, with feeling.`];
  const far = 'We use cookies to improve your experience on this website, and so do our partners, always.';
  const gap = Array.from({ length: 12 }, (_, i) => `x${i}`);
  const cleaned = 'Fire chief Ana Berg said the cause was not yet known, and that an inquiry would follow.';
  const c = candidates([far, ...gap, ...body], body, [body[0], cleaned, body[1], body[2]]);
  assert.deepEqual(modelBody(c, longText(20)), [body[0], cleaned, body[1], body[2]]);
});
