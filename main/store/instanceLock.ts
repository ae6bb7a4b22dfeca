// One Lull per data dir. The lock is an exclusive SQLite lock on a small file: the operating
// system drops it when the process dies, so a crash never leaves a stale lock behind.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export class AlreadyRunning extends Error {
  constructor(dataDir: string) {
    super(`another Lull is already running with the data dir ${dataDir}`);
    this.name = 'AlreadyRunning';
  }
}

export interface InstanceLock {
  release(): void;
}

export function acquireInstanceLock(dataDir: string): InstanceLock {
  const db = new DatabaseSync(join(dataDir, 'instance.lock'));
  try {
    db.exec('PRAGMA busy_timeout = 0');
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in EXCLUSIVE mode it is kept until close.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER)');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (error instanceof Error && /locked|busy/i.test(error.message)) throw new AlreadyRunning(dataDir);
    throw error;
  }
  return { release: () => db.isOpen && db.close() };
}
