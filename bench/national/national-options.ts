/** Command-line options of `npm run bench:national`. */
export interface NationalOptions {
  /** Events to generate (about; histories end on whole actions). Default 1,000,000. */
  readonly events: number;
  readonly seed: string;
  /** Concurrent writers while generating. */
  readonly writers: number;
  /** Requests per read figure (p50/p99 come from these). */
  readonly requests: number;
  /** Keep the generated database afterwards and note it in bench/results/national-store.json. */
  readonly keep: boolean;
  /** Measure the store kept by an earlier `--keep` run instead of generating one. */
  readonly reuse: boolean;
  /** Skip the rebuild and its baseline (with --reuse: measure the reads again only). */
  readonly skipRebuild: boolean;
}

export function parseNationalOptions(argv: readonly string[]): NationalOptions {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const count = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number, not ${raw}`);
    return parsed;
  };
  return {
    events: count('events', 1_000_000),
    seed: value('seed') ?? 'national-2026',
    writers: count('writers', 8),
    requests: count('requests', 200),
    keep: argv.includes('--keep'),
    reuse: argv.includes('--reuse'),
    skipRebuild: argv.includes('--skip-rebuild'),
  };
}
