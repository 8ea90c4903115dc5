/** Samples this process's resident set size while a piece of work runs: the peak, and where it started. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; startMb: number; peakMb: number }> {
  const mb = () => process.memoryUsage.rss() / 1_048_576;
  const startMb = mb();
  let peakMb = startMb;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, mb());
  }, 25);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, mb());
    return { result, startMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}
