import { row, type ReportRow } from '../support/report';
import type { RunFigures } from '../support/stats';
import type { GenerationResult } from './national-generator';
import type { ReadQueryFigures } from './read-queries.bench';
import type { RebuildPhase } from './rebuild-phase';

function rebuildRows(generation: GenerationResult, generated: boolean, { read, rebuild }: RebuildPhase): ReportRow[] {
  const baseline = { baselineName: 'sequential read', baseline: read.eventsPerSecond };
  return [
    ...(generated ? [row({ benchmark: 'generate', figure: 'events/s', value: generation.eventsPerSecond, unit: '/s', ...baseline })] : []),
    row({
      benchmark: 'rebuild all',
      figure: 'events/s',
      value: rebuild.eventsPerSecond,
      unit: '/s',
      ...baseline,
      target: { text: '>= 20000/s', met: rebuild.eventsPerSecond >= 20_000 },
    }),
    row({
      benchmark: 'rebuild all',
      figure: 'peak RSS',
      value: rebuild.rssPeakMb,
      unit: 'MB',
      baselineName: 'RSS before',
      baseline: rebuild.rssStartMb,
    }),
  ];
}

function readRows(reads: readonly ReadQueryFigures[]): ReportRow[] {
  return reads.flatMap((r) => {
    const live = { unit: 'ms', baselineName: 'GET /health/live' };
    const target = r.targetP99Ms >= 1000 ? `< ${r.targetP99Ms / 1000} s` : `< ${r.targetP99Ms} ms`;
    return [
      row({ benchmark: r.name, figure: 'p50', value: r.query.p50Ms, baseline: r.live.p50Ms, ...live }),
      row({
        benchmark: r.name,
        figure: 'p99',
        value: r.query.p99Ms,
        baseline: r.live.p99Ms,
        ...live,
        target: { text: target, met: r.query.p99Ms < r.targetP99Ms },
      }),
    ];
  });
}

/** The printed table: each figure beside a baseline measured in the same run. */
export function nationalRows(run: {
  generation: GenerationResult;
  /** False when the store was kept from an earlier run (its generation was measured then). */
  generated: boolean;
  rebuilt: RebuildPhase | null;
  uncached: RunFigures;
  reads: readonly ReadQueryFigures[];
}): ReportRow[] {
  const { generation, generated, rebuilt, uncached, reads } = run;
  const rows = rebuilt ? rebuildRows(generation, generated, rebuilt) : [];
  const asOf = reads.find((r) => r.name === 'action plan asOf');
  if (asOf) {
    rows.push(
      row({
        benchmark: '(before cache)',
        figure: 'asOf plan p99',
        value: uncached.p99Ms,
        unit: 'ms',
        baselineName: 'cached, HTTP',
        baseline: asOf.query.p99Ms,
      }),
    );
  }
  return [...rows, ...readRows(reads)];
}
