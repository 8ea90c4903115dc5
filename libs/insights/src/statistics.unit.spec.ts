import { distribution, mean, percentile, share } from './statistics';

describe('percentile (linear between closest ranks, as PERCENTILE.INC)', () => {
  it('takes the middle value of an odd count as the median, whatever the input order', () => {
    expect(percentile([9, 1, 4], 0.5)).toBe(4);
  });

  it('takes the mean of the middle two of an even count as the median', () => {
    expect(percentile([10, 2, 4, 7], 0.5)).toBe(5.5);
  });

  it('interpolates p90 between ranks: 1..10 gives 9.1', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.1);
  });

  it('gives the only value for one sample, and null for none', () => {
    expect(percentile([12], 0.9)).toBe(12);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('rounds to one decimal place: p90 of 0, 10, 20 is 18', () => {
    expect(percentile([0, 20, 10], 0.9)).toBe(18);
    expect(percentile([1, 2, 2], 0.9)).toBe(2);
    expect(percentile([0, 1, 1, 1], 0.9)).toBe(1);
  });
});

describe('distribution, mean and share', () => {
  it('summarises count, median and p90', () => {
    expect(distribution([30, 10, 20, 40])).toEqual({ count: 4, median: 25, p90: 37 });
    expect(distribution([])).toEqual({ count: 0, median: null, p90: null });
  });

  it('averages to one decimal, null when empty', () => {
    expect(mean([1, 2, 2])).toBe(1.7);
    expect(mean([])).toBeNull();
  });

  it('gives a share to three decimals, null over nothing', () => {
    expect(share(1, 3)).toBe(0.333);
    expect(share(0, 0)).toBeNull();
  });
});
