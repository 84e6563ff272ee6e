/**
 * When scheduled backups run (decision record 021): every fixed interval (BACKUP_EVERY, counted
 * from the Unix epoch, so every instance computes the same slots) or once a day at a time in Tokyo
 * (BACKUP_AT; Japan keeps no daylight saving, so that is a fixed UTC+9). A slot is the scheduled
 * time a backup stands for: whichever instance claims it first takes it, once.
 */
export type BackupSchedule = { kind: 'every'; ms: number } | { kind: 'daily'; minute: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TOKYO = 9 * 60 * MINUTE;
const UNITS: Record<string, number> = { m: MINUTE, h: 60 * MINUTE, d: DAY };

/** `30m`, `6h`, `1d` (at least 5 minutes), or `HH:MM` in Tokyo; throws a message naming the setting. */
export function parseSchedule(every: string | undefined, at: string | undefined): BackupSchedule {
  if (every && at) throw new Error('set BACKUP_EVERY or BACKUP_AT, not both');
  if (every) {
    const m = /^(\d+)([mhd])$/.exec(every.trim());
    const ms = m ? Number(m[1]) * UNITS[m[2]!]! : NaN;
    if (!(ms >= 5 * MINUTE) || ms > 31 * DAY)
      throw new Error(`BACKUP_EVERY must look like 30m, 6h or 1d (5 minutes to 31 days), not "${every}"`);
    return { kind: 'every', ms };
  }
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec((at ?? '03:00').trim());
  if (!m) throw new Error(`BACKUP_AT must be a time of day in Tokyo as HH:MM (e.g. 03:00), not "${at}"`);
  return { kind: 'daily', minute: Number(m[1]) * 60 + Number(m[2]) };
}

/** The latest slot at or before `now` (ISO, UTC). */
export function slotAt(schedule: BackupSchedule, now: string): string {
  const t = Date.parse(now);
  if (schedule.kind === 'every') return new Date(Math.floor(t / schedule.ms) * schedule.ms).toISOString();
  const local = t + TOKYO;
  let slot = Math.floor(local / DAY) * DAY + schedule.minute * MINUTE;
  if (slot > local) slot -= DAY;
  return new Date(slot - TOKYO).toISOString();
}

export function describeSchedule(schedule: BackupSchedule): string {
  if (schedule.kind === 'daily') {
    const hh = String(Math.floor(schedule.minute / 60)).padStart(2, '0');
    const mm = String(schedule.minute % 60).padStart(2, '0');
    return `daily ${hh}:${mm} Asia/Tokyo`;
  }
  const [unit, size] = Object.entries(UNITS)
    .reverse()
    .find(([, ms]) => schedule.ms % ms === 0)!;
  return `every ${schedule.ms / size}${unit}`;
}

/** The file a slot's backup is kept in: `tracker-20160331T180000Z.db` (SQLite) or `.dump` (pg_dump). */
export function backupFileName(slot: string, kind: 'sqlite' | 'postgres'): string {
  const stamp = slot.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `tracker-${stamp}.${kind === 'sqlite' ? 'db' : 'dump'}`;
}

export const BACKUP_FILE = /^tracker-\d{8}T\d{6}Z\.(db|dump)$/;
