import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';

export interface ReportRow {
  readonly benchmark: string;
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly baselineName: string;
  readonly baseline: number;
  /** value ÷ baseline. */
  readonly ratio: number;
  /** e.g. ">= 0.8x" or "< 50 ms"; empty when the figure has no target. */
  readonly target: string;
  readonly met: boolean | null;
}

export function row(fields: Omit<ReportRow, 'ratio' | 'met' | 'target'> & { target?: { text: string; met: boolean } }): ReportRow {
  const { target, ...rest } = fields;
  return { ...rest, ratio: fields.value / fields.baseline, target: target?.text ?? '', met: target?.met ?? null };
}

export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  };
}

const num = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** The compact table printed at the end of `npm run bench`. */
export function formatTable(rows: readonly ReportRow[]): string {
  const header = ['benchmark', 'figure', 'measured', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.benchmark,
    r.figure,
    `${num(r.value)} ${r.unit}`,
    `${num(r.baseline)} ${r.unit} (${r.baselineName})`,
    `${r.ratio.toFixed(2)}x`,
    r.target || '-',
    r.met === null ? '-' : r.met ? 'pass' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

export function writeJson(path: string, content: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
}
