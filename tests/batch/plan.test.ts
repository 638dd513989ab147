import { describe, expect, it } from 'vitest';
import { WORKER_START_MS, workersPay } from '../../src/batch/pool.js';

describe('a default batch starts workers only when they pay', () => {
  it('pays when the work left, shared, saves more than the threads cost to start', () => {
    expect(workersPay(200, 40, 1)).toBe(true);
    expect(workersPay(200, 40, 3)).toBe(true);
  });

  it('does not pay for a little work, on one core, or for one file left', () => {
    expect(workersPay(10, 40, 1)).toBe(false);
    expect(workersPay(200, 1, 1)).toBe(false);
    expect(workersPay(200, 40, 0)).toBe(false);
    expect(workersPay(1, 10_000, 1)).toBe(false);
  });

  it('a batch like the bench’s (200 files of ~18 ms, 174 left after the sample) stays in this thread on 2 cores; five times that does not', () => {
    expect(workersPay(174, 18, 1)).toBe(false);
    expect(workersPay(974, 18, 1)).toBe(true);
    // a large workbook a file: a few files pay
    expect(workersPay(8, 1000, 1)).toBe(true);
  });

  it('weighs the start-up it is given', () => {
    expect(workersPay(20, 40, 1, 0)).toBe(true);
    expect(workersPay(20, 40, 1, WORKER_START_MS * 10)).toBe(false);
  });
});
