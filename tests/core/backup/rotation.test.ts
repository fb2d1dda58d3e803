import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, backupTakenAt } from '../../../src/core/backup';

const name = (stamp: string) => `outage-desk-backup-${stamp}.odbackup`;

describe('automatic backup names', () => {
  it('uses KST wall time whatever the machine zone', () => {
    expect(backupFileName(new Date('2022-10-15T11:00:00Z'))).toBe('outage-desk-backup-20221015-200000.odbackup');
    expect(backupFileName(new Date('2022-12-31T15:00:01Z'))).toBe('outage-desk-backup-20230101-000001.odbackup');
    expect(backupTakenAt(backupFileName(new Date('2024-02-29T14:59:59Z')))).toBe('2024-02-29T23:59:59+09:00');
  });

  it('reads only well-formed names with real dates', () => {
    expect(backupTakenAt(name('20230229-120000'))).toBeNull();
    expect(backupTakenAt(name('20221015-246000'))).toBeNull();
    expect(backupTakenAt('outage-desk-backup-20221015-200000.odbackup.part')).toBeNull();
    expect(backupTakenAt('내 백업.odbackup')).toBeNull();
  });
});

describe('rotation keeps the last ten', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => name(`202210${String(10 + i).padStart(2, '0')}-090000`));

  it('deletes the oldest beyond ten, whatever order the names come in', () => {
    const shuffled = [twelve[5]!, ...twelve.slice(6).reverse(), ...twelve.slice(0, 5)];
    expect(backupsToDelete(shuffled)).toEqual([twelve[0], twelve[1]]);
    expect(backupsToDelete(twelve.slice(0, 10))).toEqual([]);
    expect(backupsToDelete([])).toEqual([]);
  });

  it('never deletes files that are not automatic backups', () => {
    const mine = ['내 백업.odbackup', 'outage-desk-backup-latest.odbackup', 'notes.txt'];
    const result = backupsToDelete([...twelve, ...mine], { keep: 3 });
    expect(result).toHaveLength(9);
    for (const m of mine) expect(result).not.toContain(m);
  });

  it('keeps the backup just written even when the clock went backwards', () => {
    const justWritten = name('20200101-000000');
    const result = backupsToDelete([...twelve, justWritten], { protect: [justWritten] });
    expect(result).not.toContain(justWritten);
    expect(result).toHaveLength(3);
    expect(result).toEqual([twelve[0], twelve[1], twelve[2]]);
  });

  it('refuses a keep count below one', () => {
    expect(() => backupsToDelete(twelve, { keep: 0 })).toThrow(RangeError);
  });
});
