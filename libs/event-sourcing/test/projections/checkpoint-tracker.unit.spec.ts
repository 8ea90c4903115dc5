import { CheckpointTracker, InMemoryProjectionProgress, ProjectionWaitTimeout } from '@ledger/event-sourcing';

/** Positions `0:<n>` as the in-memory store writes them. */
const covers = (checkpoint: string, position: string): boolean => Number(checkpoint.split(':')[1]) >= Number(position.split(':')[1]);
const store = { covers, start: '0:0' };

describe('CheckpointTracker', () => {
  describe('when every projection covers the position', () => {
    it('resolves at once', async () => {
      const tracker = new CheckpointTracker(['a', 'b'], store);
      tracker.observe('a', '0:5');
      tracker.observe('b', '0:9');
      await expect(tracker.wait('0:5', 1000)).resolves.toBeUndefined();
    });
  });

  describe('when one projection lags', () => {
    it('resolves only when the last one catches up', async () => {
      const tracker = new CheckpointTracker(['a', 'b'], store);
      tracker.observe('a', '0:5');
      let resolved = false;
      const waiting = tracker.wait('0:4', 1000).then(() => (resolved = true));
      tracker.observe('b', '0:3');
      await Promise.resolve();
      expect(resolved).toBe(false);
      expect(tracker.lagging('0:4')).toEqual(['b']);
      tracker.observe('b', '0:4');
      await waiting;
      expect(resolved).toBe(true);
      expect(tracker.waiting).toBe(false);
    });

    it('rejects with ProjectionWaitTimeout naming the laggards', async () => {
      const tracker = new CheckpointTracker(['a', 'b'], store);
      tracker.observe('a', '0:5');
      const error = await tracker.wait('0:5', 10).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProjectionWaitTimeout);
      expect((error as ProjectionWaitTimeout).lagging).toEqual(['b']);
      expect(tracker.waiting).toBe(false);
    });
  });

  describe('when a rebuild moves a checkpoint back', () => {
    it('waits again for positions past it', () => {
      const tracker = new CheckpointTracker(['a'], store);
      tracker.observe('a', '0:9');
      tracker.observe('a', '0:0');
      expect(tracker.covered('0:3')).toBe(false);
    });
  });

  describe('when a checkpoint names an unknown projection', () => {
    it('ignores it', () => {
      const tracker = new CheckpointTracker(['a'], store);
      tracker.observe('other', '0:9');
      expect(tracker.has('other')).toBe(false);
    });
  });
});

describe('InMemoryProjectionProgress', () => {
  it('resolves waitFor once observed checkpoints cover the position', async () => {
    const progress = new InMemoryProjectionProgress(['a'], store);
    const waiting = progress.waitFor('0:2');
    progress.observe('a', '0:2');
    await expect(waiting).resolves.toBeUndefined();
  });

  it('resolves immediately when it tracks no projection', async () => {
    await expect(new InMemoryProjectionProgress([], store).waitFor('0:2')).resolves.toBeUndefined();
  });
});

describe('CheckpointTracker, when its sources report out of order', () => {
  it('keeps the newest checkpoint when an older one arrives late (e.g. a lagging table read)', () => {
    const tracker = new CheckpointTracker(['a'], store);
    tracker.observe('a', '0:9');
    tracker.observe('a', '0:4');
    expect(tracker.checkpointOf('a')).toBe('0:9');
  });

  it('moves back to the start, which only a rebuild reports', () => {
    const tracker = new CheckpointTracker(['a'], store);
    tracker.observe('a', '0:9');
    tracker.observe('a', '0:0');
    expect(tracker.checkpointOf('a')).toBe('0:0');
  });
});
