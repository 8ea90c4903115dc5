import { randomUUID } from 'node:crypto';
import type { FetchLike } from '../api-client';
import { ACTION_MOVES, CHALLENGE_MOVES, EVIDENCE_STATUSES, PROGRESS_STATUSES, REVISION_STATUSES } from './state-tables';

/**
 * An in-memory stand-in for the ledger API, strict where the real one is (DESIGN §5): unknown
 * body fields are refused, back-dating needs a reason, lifecycle rules hold. It also records
 * what a test wants to check: every command, and each item's business times in order.
 */
const FIELDS: Record<string, string> = {
  '/partnerships': 'name localAuthorities',
  '/partnerships/:id/agencies': 'name kind',
  '/partnerships/:id/sources': 'kind title reference?',
  '/partnerships/:id/sources/:id/findings': 'summary themes enablers goodPractice?',
  '/partnerships/:id/recommendations': 'sourceId findingIds number? text addresseeAgencyIds scope',
  '/partnerships/:id/recommendations/:id/responses': 'decision',
  '/partnerships/:id/actions': 'recommendationIds description leadAgencyId owner? targetDate successMeasure',
  '/partnerships/:id/actions/:id/progress-updates': 'narrative rag',
  '/partnerships/:id/actions/:id/target-date-revisions': 'newTargetDate reason',
  '/partnerships/:id/actions/:id/evidence': 'title kind uri? sha256? describesImpact effectiveFrom?',
  '/partnerships/:id/actions/:id/supersede': 'successorActionId reason',
  '/partnerships/:id/challenges': 'toAgencyId subject detail responseDueDate',
  '/partnerships/:id/challenges/:id/respond': 'response',
  '/partnerships/:id/challenges/:id/reject-response': 'reason',
  '/partnerships/:id/challenges/:id/withdraw': 'reason',
  '/partnerships/:id/challenges/:id/escalate': 'level reason',
  '/partnerships/:id/challenges/:id/resolve': 'outcome',
  '/partnerships/:id/challenges/:id/linked-actions': 'actionId',
};
const ACTION_LIFECYCLE = [
  'agree',
  'start',
  'pause',
  'resume',
  'claim-completion',
  'verify-completion',
  'return-completion',
  'assure-impact',
  'record-impact-not-demonstrated',
  'close',
  'cancel',
  'reopen',
];
const NEEDS_REASON = ['return-completion', 'record-impact-not-demonstrated', 'cancel', 'reopen'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Item {
  kind: string;
  status: string;
  times: string[];
  evidence: number;
  impact: number;
  findings: { findingId: string; summary: string }[];
}
type Answer = { status: number; body: unknown };

export class FakeLedgerApi {
  readonly commands: { path: string; body: Record<string, unknown>; key: string }[] = [];
  readonly items = new Map<string, Item>();
  readonly agencies: { id: string; name: string; kind: string }[] = [];
  /** Called before each request; return an answer to send instead (e.g. an injected failure). */
  intercept: (method: string, path: string) => Answer | undefined = () => undefined;

  readonly fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname.replace(/^\/api\/v1/, '');
    const answer = this.intercept(init.method, path) ?? this.handle(init.method, path, init.headers, init.body);
    return { ok: answer.status < 300, status: answer.status, text: async () => JSON.stringify(answer.body) };
  };

  private handle(method: string, path: string, headers: Record<string, string>, raw?: string): Answer {
    if (headers['authorization'] !== 'Bearer demo-token') return problem(401, 'unauthenticated', 'no token');
    const ids = path.match(UUID) ?? [];
    if (method === 'GET') return this.query(path, ids);
    const body = JSON.parse(raw ?? '{}') as Record<string, unknown>;
    const key = headers['idempotency-key'];
    if (!key) return problem(400, 'validation', 'Idempotency-Key expected on every POST');
    const route = path.replace(UUID, ':id');
    const verb = route.split('/').pop()!;
    const invalid = this.validate(route, verb, body);
    if (invalid) return problem(400, 'validation', `${path}: ${invalid}`);
    this.commands.push({ path, body, key });
    try {
      return this.command(route, verb, ids, body);
    } catch (error) {
      return problem(409, 'illegal-transition', `${path}: ${(error as Error).message}`);
    }
  }

  private validate(route: string, verb: string, body: Record<string, unknown>): string | undefined {
    const spec =
      FIELDS[route] ?? (ACTION_LIFECYCLE.includes(verb) || ['acknowledge', 'accept-response', 'close'].includes(verb) ? '' : undefined);
    if (spec === undefined) return 'no such route';
    const fields = spec.split(' ').filter(Boolean);
    const known = new Set([...fields.map((f) => f.replace('?', '')), 'occurredAt', 'reason', 'forum']);
    const unknown = Object.keys(body).find((field) => !known.has(field));
    if (unknown) return `unknown field ${unknown}`;
    const missing = fields.find((field) => !field.endsWith('?') && body[field] === undefined);
    if (missing) return `missing ${missing}`;
    if (typeof body['occurredAt'] !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(body['occurredAt']))
      return 'occurredAt must be an instant with Z';
    if (new Date(body['occurredAt']).getTime() > Date.now()) return 'occurredAt in the future';
    if (typeof body['reason'] !== 'string' || body['reason'].trim() === '') return 'back-dating needs a reason';
    if (verb === 'verify-completion' && !body['forum']) return 'verify-completion needs a forum';
    if (verb === 'responses' && body['decision'] !== 'accepted' && !body['reason']) return 'reason required';
    return undefined;
  }

  private command(route: string, verb: string, ids: string[], body: Record<string, unknown>): Answer {
    const at = body['occurredAt'] as string;
    const create = (kind: string, status: string) => {
      const id = randomUUID();
      this.items.set(id, { kind, status, times: [at], evidence: 0, impact: 0, findings: [] });
      return { status: 201, body: { id, version: 1, position: '1' } };
    };
    const update = (id: string, kind: string, change: (item: Item) => void) => {
      const item = this.items.get(id);
      if (!item || item.kind !== kind) throw new Error(`unknown ${kind} ${id}`);
      change(item);
      item.times.push(at);
      return { status: 200, body: { id, version: item.times.length, position: '1' } };
    };
    const move = (item: Item, table: typeof ACTION_MOVES) => {
      const [from, to] = table[verb]!;
      if (!from.includes(item.status)) throw new Error(`${verb} not allowed when ${item.status}`);
      if (verb === 'claim-completion' && item.evidence === 0) throw new Error('completion needs evidence');
      if (verb === 'assure-impact' && item.impact === 0) throw new Error('impact needs impact evidence');
      if (NEEDS_REASON.includes(verb) && body['reason'] === undefined) throw new Error('reason required');
      item.status = to;
    };
    const allowedIn = (statuses: readonly string[]) => (item: Item) => {
      if (!statuses.includes(item.status)) throw new Error(`${verb} not allowed when ${item.status}`);
    };
    const [, second, third] = ids;
    switch (route) {
      case '/partnerships':
        return create('partnership', 'active');
      case '/partnerships/:id/agencies':
        this.agencies.push({ id: randomUUID(), name: body['name'] as string, kind: body['kind'] as string });
        return update(ids[0]!, 'partnership', () => undefined);
      case '/partnerships/:id/sources':
        return create('source', 'open');
      case '/partnerships/:id/sources/:id/findings':
        return update(second!, 'source', (item) => item.findings.push({ findingId: randomUUID(), summary: body['summary'] as string }));
      case '/partnerships/:id/recommendations':
        return create('recommendation', 'made');
      case '/partnerships/:id/recommendations/:id/responses':
        return update(second!, 'recommendation', (item) => void (item.status = 'responded'));
      case '/partnerships/:id/actions':
        (body['recommendationIds'] as string[]).forEach((id) => this.known(id, 'recommendation'));
        return create('action', 'proposed');
      case '/partnerships/:id/actions/:id/progress-updates':
        return update(second!, 'action', allowedIn(PROGRESS_STATUSES));
      case '/partnerships/:id/actions/:id/target-date-revisions':
        return update(second!, 'action', allowedIn(REVISION_STATUSES));
      case '/partnerships/:id/actions/:id/evidence':
        return update(second!, 'action', (item) => {
          allowedIn(EVIDENCE_STATUSES)(item);
          item.evidence += 1;
          if (body['describesImpact'] === true) item.impact += 1;
        });
      case '/partnerships/:id/challenges':
        return create('challenge', 'raised');
      case '/partnerships/:id/challenges/:id/linked-actions':
        this.known(body['actionId'] as string, 'action');
        return update(second!, 'challenge', () => undefined);
      default:
        if (verb === 'supersede') this.known(body['successorActionId'] as string, 'action');
        if (route.startsWith('/partnerships/:id/actions/')) return update(second!, 'action', (item) => move(item, ACTION_MOVES));
        return update(second ?? third!, 'challenge', (item) => move(item, CHALLENGE_MOVES));
    }
  }

  private known(id: string, kind: string): void {
    if (this.items.get(id)?.kind !== kind) throw new Error(`unknown ${kind} ${id}`);
  }

  private query(path: string, ids: string[]): Answer {
    if (path.endsWith('/agencies')) return { status: 200, body: { items: this.agencies } };
    const source = this.items.get(ids[1] ?? '');
    if (path.includes('/sources/') && source)
      return { status: 200, body: { id: ids[1], findings: source.findings, findingIds: source.findings.map((f) => f.findingId) } };
    return problem(404, 'not-found', path);
  }
}

export function problem(status: number, code: string, detail: string): Answer {
  return { status, body: { type: `https://learning-ledger.uk/problems/${code}`, title: code, status, code, detail } };
}
