import { ERRORS } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresUploadLocker } from '../src/storage/upload-locker.js';
import { databaseUnderTest, freshDatabase } from './support/harness.js';

// Two lockers on one database stand for two API processes: each has its own connection.
describe.runIf(databaseUnderTest() === 'postgres')('the upload locker shared by API processes on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const lockers: PostgresUploadLocker[] = [];
  const processLocker = (acquireTimeoutMs = 10_000): PostgresUploadLocker => {
    const locker = new PostgresUploadLocker({ connectionString: database.env.DATABASE_URL ?? '', acquireTimeoutMs });
    lockers.push(locker);
    return locker;
  };
  const never = new AbortController().signal;

  beforeAll(async () => {
    database = await freshDatabase();
  });

  afterAll(async () => {
    for (const locker of lockers) await locker.close();
    await database?.drop();
  });

  it('asks the holder in the other process to let go, then takes over', async () => {
    const one = processLocker();
    const two = processLocker();
    const held = one.newLock('upload-a');
    let releaseAsked = 0;
    await held.lock(never, async () => {
      releaseAsked += 1;
      if (releaseAsked === 1) await held.unlock();
    });
    const started = Date.now();
    await two.newLock('upload-a').lock(never, async () => undefined);
    expect(releaseAsked).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps a second request out while the holder does not let go, and times out', async () => {
    const one = processLocker();
    const two = processLocker(600);
    const held = one.newLock('upload-b');
    await held.lock(never, async () => undefined);
    await expect(two.newLock('upload-b').lock(never, async () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    // Another upload is not held up.
    const other = two.newLock('upload-c');
    await other.lock(never, async () => undefined);
    await other.unlock();
    await held.unlock();
    const after = two.newLock('upload-b');
    await after.lock(never, async () => undefined);
    await after.unlock();
  });

  it('keeps two requests in one process apart too', async () => {
    const one = processLocker(600);
    const first = one.newLock('upload-d');
    await first.lock(never, async () => undefined);
    await expect(one.newLock('upload-d').lock(never, async () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await first.unlock();
  });

  it('frees the locks of a process whose connection ends', async () => {
    const one = processLocker();
    const two = processLocker(2_000);
    await one.newLock('upload-e').lock(never, async () => undefined);
    await one.close();
    await two.newLock('upload-e').lock(never, async () => undefined);
  });

  it('stops waiting when the request is cancelled', async () => {
    const one = processLocker();
    const two = processLocker();
    await one.newLock('upload-f').lock(never, async () => undefined);
    const cancelled = new AbortController();
    setTimeout(() => cancelled.abort(), 300);
    const started = Date.now();
    await expect(two.newLock('upload-f').lock(cancelled.signal, async () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
