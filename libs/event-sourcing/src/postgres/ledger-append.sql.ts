/** SQLSTATE raised by ledger_append when the stream is not at the expected version; DETAIL = actual. */
export const VERSION_CONFLICT_SQLSTATE = 'LE001';
/** SQLSTATE raised when event ids are already stored, but not as exactly this append's stream. */
export const EVENT_ID_REUSED_SQLSTATE = 'LE002';
/** Expected-version sentinels (real versions are >= 0). */
export const EXPECT_NO_STREAM = -1n;
export const EXPECT_ANY = -2n;

/**
 * `ledger_append(stream, expected, events)` appends in one round trip:
 * 1. idempotency: ids already stored in this stream return the original result; ids stored
 *    elsewhere (or only some of them) raise LE002;
 * 2. the expected-version check on the streams row (insert for a new stream, conditional update
 *    otherwise; -1 = no stream, -2 = any); a loser re-checks idempotency (it may have raced its
 *    own earlier attempt) and raises LE001 with the actual version in DETAIL;
 * 3. a guard that this transaction is not older than the one that wrote the stream's previous
 *    event: readers order by transaction id, so an older transaction appending behind a younger
 *    one would reorder the stream (40001; retried by the adapter);
 * 4. the events, numbered by ordinality (unique (stream_id, stream_version) is the last defence);
 *
 * No NOTIFY here: PostgreSQL serialises the commits of every transaction that queued one (a
 * global lock at commit), which cut concurrent append throughput to a quarter. The adapter
 * announces appends after commit instead, coalesced (see PostgresEventStore).
 */
export const APPEND_FUNCTION_SQL = `
CREATE FUNCTION ledger_append_replay(p_stream_id text, p_ids uuid[])
RETURNS TABLE (new_version bigint, last_transaction_id xid8, last_global_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_total int;
  v_same int;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id)
    INTO v_total, v_same
    FROM events e WHERE e.event_id = ANY (p_ids);
  IF v_total = 0 THEN
    RETURN;
  END IF;
  IF v_same <> cardinality(p_ids) OR v_total <> v_same THEN
    RAISE EXCEPTION USING ERRCODE = '${EVENT_ID_REUSED_SQLSTATE}',
      MESSAGE = format('event ids of this append are already stored, but not as stream %s', p_stream_id);
  END IF;
  RETURN QUERY
    SELECT e.stream_version, e.transaction_id, e.global_position
      FROM events e
     WHERE e.event_id = ANY (p_ids)
     ORDER BY e.stream_version DESC
     LIMIT 1;
END
$fn$;

CREATE FUNCTION ledger_append(p_stream_id text, p_expected bigint, p_events jsonb)
RETURNS TABLE (new_version bigint, last_transaction_id xid8, last_global_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count int := jsonb_array_length(p_events);
  v_ids uuid[];
  v_actual bigint;
  v_new bigint;
  v_previous_tx xid8;
  v_position bigint;
BEGIN
  IF v_count = 0 THEN
    SELECT s.version INTO v_actual FROM streams s WHERE s.stream_id = p_stream_id;
    IF (p_expected = -1 AND v_actual IS NOT NULL) OR (p_expected >= 0 AND coalesce(v_actual, 0) <> p_expected) THEN
      RAISE EXCEPTION USING ERRCODE = '${VERSION_CONFLICT_SQLSTATE}',
        MESSAGE = format('stream %s is at version %s', p_stream_id, coalesce(v_actual::text, 'none')),
        DETAIL = coalesce(v_actual::text, '');
    END IF;
    RETURN QUERY
      SELECT coalesce(v_actual, 0), coalesce(e.transaction_id, '0'::xid8), coalesce(e.global_position, 0)
        FROM (SELECT 1) AS one
        LEFT JOIN events e ON e.stream_id = p_stream_id AND e.stream_version = v_actual;
    RETURN;
  END IF;

  SELECT array_agg((e.value -> 'metadata' ->> 'eventId')::uuid ORDER BY e.ord)
    INTO v_ids
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ord);

  RETURN QUERY SELECT * FROM ledger_append_replay(p_stream_id, v_ids);
  IF FOUND THEN
    RETURN;
  END IF;

  IF p_expected = -2 THEN
    INSERT INTO streams AS s (stream_id, stream_type, partnership_id, version)
    VALUES (p_stream_id, split_part(p_stream_id, '-', 1), (p_events -> 0 -> 'metadata' ->> 'partnershipId')::uuid, v_count)
    ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count
    RETURNING s.version INTO v_new;
  ELSIF p_expected IN (-1, 0) THEN
    -- A conflict here is reported below (LE001), never swallowed.
    INSERT INTO streams AS s (stream_id, stream_type, partnership_id, version)
    VALUES (p_stream_id, split_part(p_stream_id, '-', 1), (p_events -> 0 -> 'metadata' ->> 'partnershipId')::uuid, v_count)
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING s.version INTO v_new;
  ELSE
    UPDATE streams s SET version = s.version + v_count
     WHERE s.stream_id = p_stream_id AND s.version = p_expected
    RETURNING s.version INTO v_new;
  END IF;

  IF v_new IS NULL THEN
    RETURN QUERY SELECT * FROM ledger_append_replay(p_stream_id, v_ids);
    IF FOUND THEN
      RETURN;
    END IF;
    SELECT s.version INTO v_actual FROM streams s WHERE s.stream_id = p_stream_id;
    RAISE EXCEPTION USING ERRCODE = '${VERSION_CONFLICT_SQLSTATE}',
      MESSAGE = format('stream %s is at version %s', p_stream_id, coalesce(v_actual::text, 'none')),
      DETAIL = coalesce(v_actual::text, '');
  END IF;

  IF v_new > v_count THEN
    SELECT e.transaction_id INTO v_previous_tx
      FROM events e WHERE e.stream_id = p_stream_id AND e.stream_version = v_new - v_count;
    IF v_previous_tx > pg_current_xact_id() THEN
      RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
        MESSAGE = format('stream %s was last written by a younger transaction; retry', p_stream_id);
    END IF;
  END IF;

  INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                      partnership_id, occurred_at, correlation_id, causation_id)
  SELECT p_stream_id,
         v_new - v_count + e.ord,
         (e.value -> 'metadata' ->> 'eventId')::uuid,
         e.value ->> 'type',
         coalesce((e.value ->> 'schemaVersion')::int, 1),
         e.value -> 'data',
         e.value -> 'metadata',
         (e.value -> 'metadata' ->> 'partnershipId')::uuid,
         (e.value -> 'metadata' ->> 'occurredAt')::timestamptz,
         (e.value -> 'metadata' ->> 'correlationId')::uuid,
         (e.value -> 'metadata' ->> 'causationId')::uuid
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ord)
   ORDER BY e.ord;

  SELECT e.global_position INTO v_position
    FROM events e WHERE e.stream_id = p_stream_id AND e.stream_version = v_new;

  RETURN QUERY SELECT v_new, pg_current_xact_id(), v_position;
END
$fn$;
`;
