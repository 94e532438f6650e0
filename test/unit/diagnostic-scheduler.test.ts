import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { DiagnosticScheduler } from '../../server/src/diagnostic-scheduler';

describe('diagnostic scheduling', () => {
  it('runs once for a burst of edits', async () => {
    const runs: string[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const scheduler = new DiagnosticScheduler(30, async (uri) => {
      runs.push(uri);
      resolve();
    });
    for (let i = 0; i < 5; i++) scheduler.later('file:///a.yaml');
    await done;
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(runs, ['file:///a.yaml']);
  });

  it('drops a scheduled run when the document closes', async () => {
    const runs: string[] = [];
    const scheduler = new DiagnosticScheduler(10, async (uri) => void runs.push(uri));
    scheduler.later('file:///b.yaml');
    scheduler.forget('file:///b.yaml');
    await new Promise((r) => setTimeout(r, 40));
    assert.deepEqual(runs, []);
  });
});

describe('opening a document', () => {
  it('is analysed at once even though opening also reports a change', async () => {
    const order: string[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const scheduler = new DiagnosticScheduler(10000, async (uri) => {
      order.push(uri);
      resolve();
    });
    scheduler.now('file:///c.yaml');
    scheduler.later('file:///c.yaml');
    // With a 10 s maximum delay, only the immediate run can finish this test.
    await done;
    assert.deepEqual(order, ['file:///c.yaml']);
    scheduler.forget('file:///c.yaml');
  });
});
