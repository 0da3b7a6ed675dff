import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A folder of another machine (shared volume) whose process we cannot ask: stale after this long. */
const FOREIGN_MAX_AGE_MS = 6 * 3600_000;
const SWEEP_EVERY_MS = 10 * 60_000;
const OWNER = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Private folders for the files a job works on (a downloaded original, HLS output, the key info
 * file ffmpeg reads). They live only under the data directory, mode 0700, one per job run, named
 * `<owner>.<host>.<pid>.<random>`, so every process can tell which ones nobody works in any more:
 * a crash (kill -9, power loss) leaves them behind, and the sweep at start and every few minutes
 * removes them. Withdrawal removes the folders of its recording at once, running or not.
 */
export class WorkFolders {
  private timer: NodeJS.Timeout | null = null;
  private readonly host = os.hostname().replace(/[^A-Za-z0-9-]/g, '-').slice(0, 40) || 'host';

  constructor(readonly root: string) {}

  /** A fresh private folder for one run of a job about `owner` (a recording or a share id). */
  async create(owner: string): Promise<string> {
    if (!OWNER.test(owner)) throw new Error('work folder owner must be an id');
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const folder = path.join(this.root, `${owner}.${this.host}.${process.pid}.${randomBytes(6).toString('hex')}`);
    await mkdir(folder, { mode: 0o700 });
    return folder;
  }

  /** Removes every folder about `owner`, also one a job is still working in (it then fails and is not revived). */
  async removeFor(owner: string): Promise<void> {
    for (const name of await this.names()) {
      if (name.startsWith(`${owner}.`)) await rm(path.join(this.root, name), { recursive: true, force: true });
    }
  }

  /** Removes the folders of processes that no longer run; returns how many. */
  async sweep(now = Date.now()): Promise<number> {
    let removed = 0;
    for (const name of await this.names()) {
      const folder = path.join(this.root, name);
      if (await this.inUse(name, folder, now)) continue;
      await rm(folder, { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }

  /** Sweeps now and then every few minutes, until stop(). */
  async start(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async inUse(name: string, folder: string, now: number): Promise<boolean> {
    const [, host, pidText] = name.split('.');
    const pid = Number(pidText);
    if (host === this.host && Number.isSafeInteger(pid) && pid > 0) {
      if (pid === process.pid) return true;
      return processRuns(pid);
    }
    try {
      return now - (await stat(folder)).mtimeMs < FOREIGN_MAX_AGE_MS;
    } catch {
      return true;
    }
  }

  private async names(): Promise<string[]> {
    try {
      return await readdir(this.root);
    } catch {
      return [];
    }
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
