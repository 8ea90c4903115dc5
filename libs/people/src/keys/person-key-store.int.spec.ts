import { randomUUID } from 'node:crypto';
import { CommandExecutor, ImmediateProjectionProgress, PostgresEventStore, type CommandContext } from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { MasterKey } from '../crypto/envelope-cipher';
import { PeopleCommands } from '../application/people-commands';
import { PeopleDirectory } from '../read/people-directory';
import { MasterKeyMismatch, PersonKeyStore } from './person-key-store';

jest.setTimeout(60_000);

describe('the people registry on PostgreSQL (person_keys + the event log)', () => {
  let db: TestDatabase;
  let keys: PersonKeyStore;
  let commands: PeopleCommands;
  let directory: PeopleDirectory;
  const master = MasterKey.from('integration-test master key, not for production');
  const agencyId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    keys = new PersonKeyStore(db.pool, master);
    commands = new PeopleCommands(new CommandExecutor(store, new ImmediateProjectionProgress()), store, keys, {
      agencies: async () => new Map([[agencyId, {}]]),
    });
    directory = new PeopleDirectory(db.pool, keys);
  });
  afterAll(async () => {
    await db.drop();
  });

  const contextIn = (partnershipId: string): CommandContext => ({
    partnershipId,
    actor: { userId: 'admin@example.org', role: 'partnership-admin' },
    now: new Date(),
    correlationId: randomUUID(),
  });

  it('keeps only ciphertext in the log and decrypts on read', async () => {
    const pid = randomUUID();
    const { id } = await commands.register(contextIn(pid), { name: 'Pat Example', email: 'pat.example@example.org', agencyId });
    const { rows } = await db.pool.query<{ data: object }>('SELECT data FROM events WHERE stream_id = $1', [`person-${id}`]);
    expect(JSON.stringify(rows)).not.toMatch(/Pat|example\.org/);
    expect(await directory.get(pid, id)).toEqual({
      id,
      erased: false,
      name: 'Pat Example',
      email: 'pat.example@example.org',
      phone: null,
      role: null,
      agencyId,
    });
    const { rows: keyRows } = await db.pool.query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM person_keys WHERE person_id = $1', [
      id,
    ]);
    expect(keyRows[0]!.wrapped_key.length).toBe(12 + 16 + 32);
  });

  it('answers the first key when a key is created twice for one person (a retried register)', async () => {
    const personId = randomUUID();
    const pid = randomUUID();
    const first = await keys.create(personId, pid);
    const second = await keys.create(personId, pid);
    expect(second.equals(first)).toBe(true);
  });

  it('forgets: the key row stays with no key, the log keeps its rows unchanged, every read says erased', async () => {
    const pid = randomUUID();
    const { id } = await commands.register(contextIn(pid), { name: 'Sam Example' });
    const { id: other } = await commands.register(contextIn(pid), { name: 'Alex Example' });
    const before = await db.pool.query('SELECT global_position, data::text, metadata::text FROM events WHERE partnership_id = $1', [pid]);
    await commands.forget(contextIn(pid), id, 'Left the partnership.');
    const after = await db.pool.query('SELECT global_position, data::text, metadata::text FROM events WHERE partnership_id = $1', [pid]);
    expect(after.rows.slice(0, before.rows.length)).toEqual(before.rows);
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(await keys.get(id)).toEqual({ status: 'destroyed', destroyedAt: expect.any(Date) });
    expect(await directory.get(pid, id)).toEqual({ id, erased: true, name: '[erased]', agencyId: null });
    expect((await directory.list(pid)).map((person) => person.name)).toEqual(['[erased]', 'Alex Example']);
    expect((await directory.references(pid, [id, other, 'Designated nurse'])).get(other)).toEqual({
      id: other,
      name: 'Alex Example',
      erased: false,
    });
  });

  it('shows a person whose key is gone as erased even without PersonForgotten (crash between the steps)', async () => {
    const pid = randomUUID();
    const { id } = await commands.register(contextIn(pid), { name: 'Jo Example' });
    expect(await keys.destroy(id)).toBe(true);
    expect(await keys.destroy(id)).toBe(false);
    expect(await directory.get(pid, id)).toMatchObject({ erased: true, name: '[erased]' });
    const repaired = await commands.forgetAnywhere(contextIn(pid), id, 'Completing an interrupted forget.');
    expect(repaired).toMatchObject({ partnershipId: pid, keyDestroyed: false, outcome: { id } });
  });

  it('does not show one partnership’s people to another', async () => {
    const pid = randomUUID();
    const { id } = await commands.register(contextIn(pid), { name: 'Lee Example' });
    expect(await directory.get(randomUUID(), id)).toBeUndefined();
    expect(await directory.list(randomUUID())).toEqual([]);
  });

  it('refuses to unwrap a key wrapped under another master key, naming the setting', async () => {
    const pid = randomUUID();
    const { id } = await commands.register(contextIn(pid), { name: 'Kim Example' });
    const elsewhere = new PersonKeyStore(db.pool, MasterKey.from('another master key entirely, wrong one'));
    await expect(elsewhere.get(id)).rejects.toThrow(MasterKeyMismatch);
  });
});
