import { Presets, SingleBar } from 'cli-progress';

/** What a rebuild reports after each page. */
export interface ProgressSink {
  update(processed: number, eventsPerSecond: number): void;
  stop(): void;
}

/** Where output goes: stdout, or any writable (tests); a bar only on a terminal. */
export type CommandOutput = NodeJS.WritableStream & { readonly isTTY?: boolean };

/** Plain lines this often when stdout is not a terminal (logs, CI). */
const LINE_EVERY_MS = 2_000;

function eta(processed: number, total: number, eventsPerSecond: number): string {
  if (eventsPerSecond <= 0 || processed >= total) return '0 s';
  return `${Math.ceil((total - processed) / eventsPerSecond)} s`;
}

/**
 * A progress bar (cli-progress) on a terminal: events done/total, events/s and ETA; otherwise one
 * plain line every two seconds and at the end. `total` may grow: the log grows while it is rebuilt.
 */
export function progressSink(label: string, total: number, out: CommandOutput = process.stdout): ProgressSink {
  let known = Math.max(total, 1);
  if (out.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}`,
        stream: out,
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    bar.start(known, 0, { rate: 0 });
    return {
      update(processed, eventsPerSecond) {
        if (processed > known) bar.setTotal((known = processed));
        bar.update(processed, { rate: Math.round(eventsPerSecond) });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  let last = { processed: 0, eventsPerSecond: 0 };
  const line = (): void => {
    const { processed, eventsPerSecond } = last;
    known = Math.max(known, processed);
    const percent = Math.floor((processed / known) * 100);
    out.write(
      `${label}: ${processed}/${known} events (${percent}%), ${Math.round(eventsPerSecond)} events/s, ETA ${eta(processed, known, eventsPerSecond)}\n`,
    );
    lastLine = performance.now();
  };
  return {
    update(processed, eventsPerSecond) {
      last = { processed, eventsPerSecond };
      if (performance.now() - lastLine >= LINE_EVERY_MS) line();
    },
    stop: line,
  };
}
