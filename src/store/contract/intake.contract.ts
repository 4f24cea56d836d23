// Contract for the intake queue and the assigner's post (store.ts `IntakeQueue`): rows in intake
// order, each claimed by one worker for a lease, outcomes only from the row's claimant, a row
// given up after its claims, the assigner's read stopping at a row not ready, one holder of the
// post with an epoch raised at each takeover, and a batch from a stale epoch refused whole.
// Processes racing on one store: test/workers/assigner.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMentions, type RawReport } from '../../model/index.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';
import { StaleEpoch, type Store } from '../store.ts';
import { sampleArticle } from './fixtures.ts';

const raw = (i: number): RawReport => ({ format: 'text', path: null, url: `https://news.example/r/${i}`, content: `Report ${i}\n\nBody of report ${i}.` });
const story = (id: string) => ({ id, title: id, createdAt: '2026-03-14T00:00:00.000Z', updatedAt: '2026-03-14T00:00:00.000Z' });
const prepared = (id: string) => ({ article: sampleArticle(id), mentions: noMentions(), features: { n: id } });

export function runIntakeContract(name: string, newStore: () => Store | Promise<Store>): void {
  describe(`Store contract (intake queue): ${name}`, () => {
    it('queues in order and hands each row to one worker; outcomes only from its claimant', async () => {
      const store = await newStore();
      const seqs = await store.enqueueReports([raw(1), raw(2), raw(3)]);
      assert.equal(seqs.length, 3);
      assert.ok(seqs[0] < seqs[1] && seqs[1] < seqs[2], 'ascending in the given order');
      const a = await store.claimIntake('A', 60, 2, 3);
      assert.deepEqual(a.map((c) => c.seq), seqs.slice(0, 2));
      assert.deepEqual(a[0].raw, raw(1), 'the report comes back as queued');
      const b = await store.claimIntake('B', 60, 5, 3);
      assert.deepEqual(b.map((c) => c.seq), [seqs[2]], 'A holds the first two');
      assert.equal(await store.finishIntake('B', [{ seq: seqs[0], prepared: prepared('x') }]), 0, "not B's row");
      assert.equal(await store.finishIntake('A', [{ seq: seqs[0], prepared: prepared('r1') }, { seq: seqs[1], error: 'no text' }]), 2);
      assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 1, prepared: 1, failed: 1 });
      const failed = await store.failedIntake(10);
      assert.deepEqual(failed.map((f) => [f.seq, f.error]), [[seqs[1], 'no text']]);
      await store.close();
    });

    it('the assigner reads prepared and failed rows in order up to the first not ready', async () => {
      const store = await newStore();
      const seqs = await store.enqueueReports([raw(1), raw(2), raw(3), raw(4)]);
      await store.claimIntake('A', 60, 4, 3);
      await store.finishIntake('A', [
        { seq: seqs[0], prepared: prepared('r1') },
        { seq: seqs[1], error: 'no text' },
        { seq: seqs[3], prepared: prepared('r4') },
      ]);
      const ready = await store.readyIntake(0, 10);
      assert.deepEqual(ready.map((r) => r.seq), seqs.slice(0, 2), 'waits at the third, still being prepared');
      assert.ok('prepared' in ready[0] && ready[0].prepared.article.id === 'r1');
      assert.deepEqual(ready[0].raw, raw(1));
      assert.ok('error' in ready[1] && ready[1].error === 'no text');
      assert.deepEqual((await store.readyIntake(seqs[2], 10)).map((r) => r.seq), [seqs[3]]);
      await store.close();
    });

    it('a claim whose lease ended is taken again; past its claims the row fails with the reason', async () => {
      const store = await newStore();
      const [seq] = await store.enqueueReports([raw(1)]);
      // A lease of 0 s ends at once: the next claim takes the row over.
      assert.equal((await store.claimIntake('A', 0, 1, 2)).length, 1);
      assert.equal((await store.claimIntake('B', 0, 1, 2)).length, 1);
      assert.equal(await store.finishIntake('A', [{ seq, prepared: prepared('r1') }]), 0, 'A lost it to B');
      assert.deepEqual(await store.claimIntake('C', 60, 1, 2), [], 'claimed twice already: given up');
      const [f] = await store.failedIntake(1);
      assert.equal(f.seq, seq);
      assert.match(f.error, /given up: claimed 2 times/);
      await store.close();
    });

    it('one holder of the assigner post; a takeover raises the epoch and the old epoch is refused, nothing written', async () => {
      const store = await newStore();
      const [s1, s2] = await store.enqueueReports([raw(1), raw(2)]);
      const e1 = await store.takeAssigner('A', 60);
      assert.ok(e1 !== null && e1 >= 1);
      assert.equal(await store.takeAssigner('B', 60), null, 'A holds it');
      assert.equal(await store.renewAssigner({ owner: 'A', epoch: e1 }, 60), true);
      const batch = (id: string) => completeBatch({ articles: [{ ...prepared(id), storyId: 's1', copyOf: null }], stories: [story('s1')] });
      await store.writeAssigned({ owner: 'A', epoch: e1 }, batch('r1'), [s1]);
      assert.equal((await store.counts()).articles, 1);
      assert.deepEqual((await store.readyIntake(0, 10)).length, 0);
      assert.equal((await store.intakeCounts()).pending, 1, 'only the written row was deleted');
      await store.resignAssigner({ owner: 'A', epoch: e1 });
      const e2 = await store.takeAssigner('B', 60);
      assert.equal(e2, e1 + 1);
      assert.equal(await store.renewAssigner({ owner: 'A', epoch: e1 }, 60), false);
      const revision = await store.revision();
      await assert.rejects(store.writeAssigned({ owner: 'A', epoch: e1 }, batch('r2'), [s2]), StaleEpoch);
      assert.equal(await store.getArticle('r2'), null, 'nothing of the stale batch written');
      assert.equal(await store.revision(), revision);
      assert.equal((await store.intakeCounts()).pending, 1, 'its row kept');
      await store.writeAssigned({ owner: 'B', epoch: e2! }, null, [s2]);
      assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 0, prepared: 0, failed: 0 });
      await store.resignAssigner({ owner: 'B', epoch: e2! });
      await store.close();
    });
    it('a claim tells its attempt; a row given back for a retry is claimed again only from its time, keeping its error', async () => {
      const store = await newStore();
      const [seq, next] = await store.enqueueReports([raw(1), raw(2)]);
      const [first] = await store.claimIntake('A', 60, 1, 3);
      assert.deepEqual([first.seq, first.attempt], [seq, 1]);
      assert.equal(await store.retryIntake('B', seq, 'not B', Date.now()), false, "not B's row");
      assert.equal(await store.retryIntake('A', seq, 'fetch failed: timeout', Date.now() + 60_000), true);
      assert.deepEqual((await store.claimIntake('B', 60, 5, 3)).map((c) => c.seq), [next], 'not before its time');
      assert.deepEqual((await store.intakeStatus([seq]))[0], { seq, state: 'claimed', articleId: null, error: 'fetch failed: timeout' });
      assert.equal(await store.retryIntake('B', next, 'fetch failed: 503', Date.now() - 1), true);
      const [again] = await store.claimIntake('C', 60, 5, 3);
      assert.deepEqual([again.seq, again.attempt], [next, 2], 'claimed again once its time came: its second attempt');
      await store.close();
    });

    it("a row's status while queued and after the assigner consumed it: the prepared id or the error kept", async () => {
      const store = await newStore();
      const seqs = await store.enqueueReports([raw(1), raw(2), raw(3)]);
      assert.deepEqual(
        (await store.intakeStatus(seqs)).map((s) => s.state),
        ['pending', 'pending', 'pending'],
      );
      await store.claimIntake('A', 60, 2, 3);
      await store.finishIntake('A', [{ seq: seqs[0], prepared: prepared('r1') }, { seq: seqs[1], error: 'empty: no body text' }]);
      assert.deepEqual(await store.intakeStatus(seqs), [
        { seq: seqs[0], state: 'prepared', articleId: 'r1', error: null },
        { seq: seqs[1], state: 'failed', articleId: null, error: 'empty: no body text' },
        { seq: seqs[2], state: 'pending', articleId: null, error: null },
      ]);
      const epoch = (await store.takeAssigner('S', 60))!;
      const batch = completeBatch({ articles: [{ ...prepared('r1'), storyId: 's1', copyOf: null }], stories: [story('s1')] });
      await store.writeAssigned({ owner: 'S', epoch }, batch, seqs.slice(0, 2));
      assert.deepEqual(await store.intakeStatus(seqs), [
        { seq: seqs[0], state: 'done', articleId: 'r1', error: null },
        { seq: seqs[1], state: 'done', articleId: null, error: 'empty: no body text' },
        { seq: seqs[2], state: 'pending', articleId: null, error: null },
      ]);
      assert.deepEqual(await store.intakeStatus([seqs[2] + 1000]), [{ seq: seqs[2] + 1000, state: 'done', articleId: null, error: null }]);
      await store.resignAssigner({ owner: 'S', epoch });
      await store.close();
    });
  });
}
