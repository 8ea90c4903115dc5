import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { relayReport } from '../health/relay-report';
import { readProjectionLag } from './projection-lag.sql';

/**
 * The ledger's Prometheus metrics, on a registry of this app's own (several apps may share a
 * process in tests). Lag gauges are read from the database at scrape time (`refresh`), so they are
 * right wherever the relay and the projections run; HTTP durations are observed per request.
 */
export class LedgerMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP requests by method, route template (never the raw path: no ids) and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  /** Only with Kafka (KAFKA_BROKERS set): a scrape without them shows no relay at all. */
  private readonly relay: ReturnType<LedgerMetrics['relayMetrics']> | null;
  private readonly projectionEvents = this.gauge('ledger_projection_lag_events', 'Events after the projection’s checkpoint.', [
    'projection',
  ]);
  private readonly projectionSeconds = this.gauge(
    'ledger_projection_lag_seconds',
    'Age of the oldest event the projection has not applied (0 when none).',
    ['projection'],
  );
  private publishedSeen = 0;

  constructor(private readonly runtime: LedgerRuntime) {
    collectDefaultMetrics({ register: this.registry, prefix: 'ledger_' });
    this.relay = runtime.config.kafkaBrokers.length > 0 ? this.relayMetrics() : null;
  }

  /** Reads lag from the database and the relay's counters into the gauges. */
  async refresh(): Promise<void> {
    const [relay, projections] = await Promise.all([relayReport(this.runtime), readProjectionLag(this.runtime.pool)]);
    for (const lag of projections) {
      this.projectionEvents.set({ projection: lag.name }, lag.eventsBehind);
      this.projectionSeconds.set({ projection: lag.name }, lag.secondsBehind);
    }
    if (!relay || !this.relay) return;
    this.relay.events.set(relay.eventsBehind);
    this.relay.seconds.set(relay.secondsBehind);
    this.relay.active.set(relay.role === 'active' ? 1 : 0);
    const published = relay.published ?? 0;
    if (published > this.publishedSeen) this.relay.published.inc(published - this.publishedSeen);
    this.publishedSeen = Math.max(this.publishedSeen, published);
  }

  private relayMetrics() {
    return {
      events: this.gauge('ledger_relay_lag_events', 'Events appended but not yet acknowledged by Kafka.'),
      seconds: this.gauge('ledger_relay_lag_seconds', 'Age of the oldest event not yet acknowledged by Kafka (0 when none).'),
      active: this.gauge('ledger_relay_active', '1 when this process holds the relay lock and publishes, else 0.'),
      published: new Counter({
        name: 'ledger_relay_published_events_total',
        help: 'Events this process published to Kafka (acknowledged by the broker).',
        registers: [this.registry],
      }),
    };
  }

  private gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
