// One server per PGlite data directory: a second one refuses with a clear message instead of corrupting it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../server/db/data-dir-lock';
import { openDatabase } from '../../server/db/open';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('data directory lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'housecall-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second open of the same data directory in this process, and allows it after close', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir });
    await db.query(`INSERT INTO server_settings (key, value) VALUES ('probe', 'kept')`);
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    const { rows } = await again.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'probe'`);
    expect(rows).toEqual([{ value: 'kept' }]); // checkpointed and closed cleanly: the data survived
    await again.close();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'housecall-server.lock'), '999999999');
    const lock = lockDataDir(dir);
    lock.release();
  });

  it('a second server process on a locked data directory exits with a clear message', async () => {
    const dir = tempDir();
    const lock = lockDataDir(dir); // held by this (live) process, as a running server would
    try {
      const result = await run(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
        cwd: root, env: { ...process.env, DATA_DIR: dir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'silent' },
      }).then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Data directory ${dir} is in use by another Housecall server (pid ${process.pid})`);
    } finally {
      lock.release();
    }
  });
});
