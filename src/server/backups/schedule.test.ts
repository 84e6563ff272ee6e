import { describe, expect, it } from 'vitest';
import { backupFileName, describeSchedule, parseSchedule, slotAt } from './schedule';

describe('backup slots', () => {
  it.each([
    // [BACKUP_EVERY, BACKUP_AT, now, slot]
    ['6h', undefined, '2016-03-31T11:59:59.999Z', '2016-03-31T06:00:00.000Z'],
    ['6h', undefined, '2016-03-31T12:00:00.000Z', '2016-03-31T12:00:00.000Z'],
    ['30m', undefined, '2016-03-31T12:45:00.000Z', '2016-03-31T12:30:00.000Z'],
    // Daily 03:00 in Tokyo is 18:00 UTC the day before.
    [undefined, undefined, '2016-03-31T17:59:00.000Z', '2016-03-30T18:00:00.000Z'],
    [undefined, undefined, '2016-03-31T18:00:00.000Z', '2016-03-31T18:00:00.000Z'],
    [undefined, '23:30', '2016-03-31T14:29:00.000Z', '2016-03-30T14:30:00.000Z'],
    [undefined, '23:30', '2016-03-31T14:30:00.000Z', '2016-03-31T14:30:00.000Z'],
    [undefined, '00:00', '2016-03-31T15:00:00.000Z', '2016-03-31T15:00:00.000Z'],
  ])('every %s at %s: %s is in the slot of %s', (every, at, now, slot) => {
    expect(slotAt(parseSchedule(every, at), now)).toBe(slot);
  });

  it.each([
    ['4m', undefined, /BACKUP_EVERY/],
    ['6 hours', undefined, /BACKUP_EVERY/],
    [undefined, '24:00', /BACKUP_AT/],
    [undefined, '3:00', /BACKUP_AT/],
    ['6h', '03:00', /not both/],
  ])('refuses BACKUP_EVERY=%s BACKUP_AT=%s', (every, at, message) => {
    expect(() => parseSchedule(every, at)).toThrow(message);
  });

  it('describes the schedule and names files by their slot', () => {
    expect(describeSchedule(parseSchedule('90m', undefined))).toBe('every 90m');
    expect(describeSchedule(parseSchedule('24h', undefined))).toBe('every 1d');
    expect(describeSchedule(parseSchedule(undefined, '03:05'))).toBe('daily 03:05 Asia/Tokyo');
    expect(backupFileName('2016-03-30T18:00:00.000Z', 'sqlite')).toBe('tracker-20160330T180000Z.db');
    expect(backupFileName('2016-03-30T18:00:00.000Z', 'postgres')).toBe('tracker-20160330T180000Z.dump');
  });
});
