import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  buildBackup,
  decryptBackup,
  encryptBackup,
  MIN_PBKDF2_ITERATIONS,
  checkNewPassphrase,
  readBackup,
  WRONG_PASSPHRASE_MESSAGE,
  type BackupContents,
} from '../../../src/core/backup';
import { craftBackup, enc, sampleContents, sha256 } from './fixtures';
import { joined, textIn } from '../../../src/core/model/common';

const NOW = new Date('2022-10-28T03:04:05Z'); // 12:04:05 KST
const opts = { appVersion: '0.1.0', dbVersion: 2, now: NOW };
const read = (bytes: Uint8Array, passphrase?: string) =>
  readBackup(bytes, { supportedDbVersion: 2, ...(passphrase !== undefined ? { passphrase } : {}) });

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(BackupError);
    return err as BackupError;
  }
  throw new Error('expected the backup to be refused');
}

describe('backup file round trip', () => {
  it('holds every claim, record, evidence byte, import mark and setting, and reads back equal', async () => {
    const contents = sampleContents();
    const { bytes, manifest } = await buildBackup(contents, opts);
    const back = await read(bytes);
    expect(back.contents).toEqual(contents);
    expect(manifest.createdAt).toBe('2022-10-28T12:04:05+09:00');
    expect(manifest.counts).toEqual({ claims: 2, records: 41, evidence: 2, evidenceBytes: contents.evidence[0]!.size + contents.evidence[1]!.size, imports: 1, settings: 2, packs: 1 });
    // Every entry but the manifest is listed with its real size and hash.
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['backup-manifest.json', ...manifest.files.map((f) => f.path)].sort());
    for (const f of manifest.files) {
      expect(entries[f.path]!.length).toBe(f.size);
      expect(sha256(entries[f.path]!)).toBe(f.sha256);
    }
  });

  it('summarises for the preview: titles, record and evidence counts, bytes, time, app version', async () => {
    const contents = sampleContents();
    const { summary } = await read((await buildBackup(contents, opts)).bytes);
    expect(summary).toMatchObject({ createdAt: '2022-10-28T12:04:05+09:00', appVersion: '0.1.0', dbVersion: 2, encrypted: false, recordCount: 41, evidenceCount: 2, importCount: 1, settingCount: 2 });
    expect(summary.evidenceBytes).toBe(10337 + 14253);
    expect(summary.claims.map((c) => [c.title, c.recordCount, c.evidenceCount, c.draft, c.example])).toEqual([
      ['제주 택시 작성 중', 1, 1, true, false],
      ['연남 카페 (예시)', 40, 1, false, true],
    ]);
  });

  it('is a real zip: Info-ZIP lists rw-r--r-- Unix entries under fixed names and tests it clean', async () => {
    const { bytes } = await buildBackup(sampleContents(), opts);
    const dir = mkdtempSync(join(tmpdir(), 'odbackup-'));
    const file = join(dir, 'outage-desk-backup-20221028-120405.odbackup');
    writeFileSync(file, bytes);
    const listing = execFileSync('unzip', ['-Z', file], { encoding: 'utf8' });
    expect(listing).toMatch(/-rw-r--r--.*unx.*backup-manifest\.json/);
    expect(listing).toMatch(/evidence\/e0000000-0000-4000-8000-00000000000a/);
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('gives the same bytes for the same contents and clock', async () => {
    const a = await buildBackup(sampleContents(), opts);
    const b = await buildBackup(sampleContents(), opts);
    expect(sha256(a.bytes)).toBe(sha256(b.bytes));
  });

  it('reads an empty database backup', async () => {
    const empty: BackupContents = { claims: [], records: [], evidence: [], imports: [], settings: [], packs: [] };
    const back = await read((await buildBackup(empty, opts)).bytes);
    expect(back.contents).toEqual(empty);
    expect(back.summary.claims).toEqual([]);
  });
});

describe('passphrase', () => {
  it('seals the zip with AES-256-GCM under PBKDF2-SHA256 (600,000 rounds), salt and iv in a plain header', async () => {
    const { bytes } = await buildBackup(sampleContents(), { ...opts, passphrase: '판교 화재 2022!' });
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 400));
    expect(text.startsWith('OutageDeskEncryptedBackup\n')).toBe(true);
    const header = JSON.parse(text.split('\n')[1]!);
    expect(header).toMatchObject({ kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_PBKDF2_ITERATIONS }, cipher: { name: 'AES-GCM', length: 256 } });
    expect(atob(header.kdf.salt)).toHaveLength(16);
    expect(atob(header.cipher.iv)).toHaveLength(12);
    // Nothing of the content is readable without the passphrase.
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('연남');
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('backup-manifest');
    const back = await read(bytes, '판교 화재 2022!');
    expect(back.contents).toEqual(sampleContents());
    expect(back.summary.encrypted).toBe(true);
  });

  it('opens with the same Korean passphrase typed decomposed (macOS, NFD) or composed (NFC)', async () => {
    const nfc = '비밀번호는한글로';
    const sealed = await encryptBackup(enc('hello'), nfc);
    expect(new TextDecoder().decode(await decryptBackup(sealed, nfc.normalize('NFD')))).toBe('hello');
  });

  it('says "wrong passphrase or damaged" for a wrong passphrase, a flipped byte anywhere, or a cut file', async () => {
    const { bytes } = await buildBackup(sampleContents(), { ...opts, passphrase: 'correct horse' });
    expect((await refusal(read(bytes, 'wrong horse'))).message).toBe(WRONG_PASSPHRASE_MESSAGE);
    const flippedBody = bytes.slice();
    flippedBody[bytes.length - 40]! ^= 0x01;
    expect((await refusal(read(flippedBody, 'correct horse'))).code).toBe('wrong-passphrase-or-damaged');
    // The header is authenticated too: a changed salt character fails like a changed ciphertext byte.
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 300));
    const saltAt = text.indexOf('"salt":"') + 8;
    const flippedHeader = bytes.slice();
    flippedHeader[saltAt] = flippedHeader[saltAt] === 0x41 ? 0x42 : 0x41;
    const e = await refusal(read(flippedHeader, 'correct horse'));
    expect(e.message).toContain('비밀번호가 맞지 않거나 파일이 손상됐어요');
    const cut = await refusal(read(bytes.subarray(0, 120), 'correct horse'));
    expect(cut.message).toContain('비밀번호가 맞지 않거나 파일이 손상됐어요');
  });

  it('asks for the passphrase instead of failing, and refuses short passphrases at export', async () => {
    const { bytes } = await buildBackup(sampleContents(), { ...opts, passphrase: 'long enough' });
    const e = await refusal(read(bytes));
    expect(e.code).toBe('passphrase-required');
    expect(e.message).toMatch(/비밀번호를 입력해 주세요 \/ .*passphrase/);
    const weak = await refusal(buildBackup(sampleContents(), { ...opts, passphrase: '1234' }));
    expect(weak.code).toBe('weak-passphrase');
    expect(weak.message).toContain('8자 이상');
  });

  it('refuses a header asking for fewer than 600,000 or absurdly many rounds (no downgrade, no hang)', async () => {
    for (const iterations of [1000, 50_000_000]) {
      const header = JSON.stringify({ format: 'outage-loss-desk/backup-encrypted', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: btoa('s'.repeat(16)) }, cipher: { name: 'AES-GCM', length: 256, iv: btoa('i'.repeat(12)) } });
      const bytes = enc(`OutageDeskEncryptedBackup\n${header}\n${'x'.repeat(64)}`);
      const e = await refusal(read(bytes, 'whatever'));
      expect(e.code).toBe('wrong-passphrase-or-damaged');
      expect(e.message).toContain('kdf.iterations');
    }
  });
});

describe('damaged and hostile backups are refused before anything is restored', () => {
  it('names the entry whose bytes changed (stored evidence byte flipped)', async () => {
    const contents = sampleContents();
    const { bytes } = await buildBackup(contents, opts);
    // Evidence is stored uncompressed: find the CSV's bytes in the zip and change one.
    const csv = contents.evidence[1]!.bytes;
    const at = Buffer.from(bytes).indexOf(Buffer.from(csv.subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    const broken = bytes.slice();
    broken[at + 10]! ^= 0x20;
    const e = await refusal(read(broken));
    expect(e.code).toBe('damaged');
    expect(e.entry).toBe('evidence/e0000000-0000-4000-8000-00000000000b');
    expect(e.message).toMatch(/SHA-256 불일치.*손상/);
  });

  it('refuses a cut-off file, random bytes, an empty file and something that is not a backup', async () => {
    const { bytes } = await buildBackup(sampleContents(), opts);
    for (const cut of [1, 22, 100, 5000]) {
      const e = await refusal(read(bytes.subarray(0, bytes.length - cut)));
      expect(e.code).toBe('damaged');
      expect(e.message).toMatch(/잘렸거나 손상됐어요 .* cut off/);
    }
    expect((await refusal(read(new Uint8Array([1, 2, 3])))).code).toBe('not-a-backup');
    expect((await refusal(read(new Uint8Array(0)))).code).toBe('empty');
    const packetLike = zipSync({ 'manifest.json': strToU8('{}') });
    const e = await refusal(read(packetLike));
    expect(e.code).toBe('not-a-backup');
    expect(e.message).toContain('backup-manifest.json');
  });

  it('refuses a backup from a newer app (format or database version), saying to update', async () => {
    const newerDb = await refusal(read(craftBackup({}, { dbVersion: 3 })));
    expect(newerDb.code).toBe('newer-version');
    expect(newerDb.message).toMatch(/dbVersion 3.*2까지.*업데이트/);
    const newerFormat = await refusal(read(craftBackup({}, { formatVersion: 3, files: 'whatever' as never })));
    expect(newerFormat.code).toBe('newer-version');
  });

  it('refuses ../ and absolute entry names, unlisted entries and missing ones', async () => {
    for (const name of ['../evil.txt', 'evidence/../../x', '/etc/passwd', 'C:/x', 'a\\b']) {
      const e = await refusal(read(zipSync({ [name]: strToU8('x'), 'backup-manifest.json': strToU8('{}') })));
      expect(e.code).toBe('unsafe-zip');
      expect(e.message).toContain(name);
    }
    const extra = craftBackup({});
    const withExtra = zipSync({ ...unzipSync(extra), 'notes.txt': strToU8('hi') });
    const unlisted = await refusal(read(withExtra));
    expect(unlisted.entry).toBe('notes.txt');
    const withoutRecords = unzipSync(extra);
    delete withoutRecords['records.jsonl'];
    expect((await refusal(read(zipSync(withoutRecords)))).message).toContain('records.jsonl');
  });

  it('refuses a backup whose local header names another file than the central directory, and a case-insensitive twin', async () => {
    const bytes = craftBackup({});
    // Rename settings.json in its local header only (same length): unzip and Python would disagree on it.
    const at = Buffer.from(bytes).indexOf(Buffer.from('PK\x03\x04', 'latin1'), 0);
    let local = at;
    for (; local >= 0; local = Buffer.from(bytes).indexOf(Buffer.from('PK\x03\x04', 'latin1'), local + 4)) {
      const n = new DataView(bytes.buffer, bytes.byteOffset).getUint16(local + 26, true);
      if (new TextDecoder().decode(bytes.subarray(local + 30, local + 30 + n)) === 'settings.json') break;
    }
    expect(local).toBeGreaterThanOrEqual(0);
    const lying = bytes.slice();
    lying.set(enc('settings.jsoN'), local + 30);
    const e = await refusal(read(lying));
    expect(e.code).toBe('unsafe-zip');
    expect(e.entry).toBe('settings.json');
    expect(e.message).toMatch(/파일 머리말의 이름.*settings\.jsoN.*settings\.json.*local header name/);
    const twin = await refusal(read(craftBackup({ 'SETTINGS.JSON': '[]' })));
    expect(twin.code).toBe('unsafe-zip');
    expect(twin.message).toContain('SETTINGS.JSON');
  });

  it('refuses a zip bomb by its compression ratio and by its total size, before inflating', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = zipSync({ 'backup-manifest.json': [strToU8('{}'), { level: 0 }], 'claims.json': [zeros, { level: 9 }] });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const ratio = await refusal(read(bomb));
    expect(ratio.code).toBe('unsafe-zip');
    expect(ratio.message).toMatch(/압축률.*zip bomb/);
    const big = await refusal(readBackup(craftBackup({ 'claims.json': '[]'.padEnd(4096, ' ') }), { supportedDbVersion: 2, limits: { maxTotalBytes: 1000 } }));
    expect(big.message).toMatch(/너무 커요/);
  });

  it('refuses a zip whose header declares fewer bytes than the entry holds (stored or deflated)', async () => {
    const stored = craftBackup({ 'settings.json': JSON.stringify([{ key: 'language', value: 'ko' }]) }, { counts: { claims: 0, records: 0, evidence: 0, evidenceBytes: 0, imports: 0, settings: 1 } });
    const deflated = Object.fromEntries(Object.entries(unzipSync(stored)).map(([k, v]) => [k, [v, { level: 6 }]])) as Zippable;
    for (const bytes of [stored, zipSync(deflated)]) {
      expect((await read(bytes)).contents.settings).toHaveLength(1);
      // Patch the central directory's uncompressed size of settings.json down by 10.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const lying = bytes.slice();
      const lyingView = new DataView(lying.buffer);
      for (let i = 0; i < bytes.length - 46; i++) {
        if (view.getUint32(i, true) !== 0x02014b50) continue;
        const nameLength = view.getUint16(i + 28, true);
        if (new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength)) === 'settings.json') {
          lyingView.setUint32(i + 24, view.getUint32(i + 24, true) - 10, true);
        }
      }
      const e = await refusal(read(lying));
      expect(e.code).toBe('damaged');
      expect(e.entry).toBe('settings.json');
      expect(e.message).toContain('settings.json');
    }
  });

  it('names the line and field of a bad record, and the item and field of a bad claim', async () => {
    const claim = { id: 'c1', title: '가게', createdAt: '2022-10-25T10:00+09:00', updatedAt: '2022-10-25T10:00+09:00', example: 0, body: {} };
    const good = { claimId: 'c1', bucket: '2022-10-15', channel: 'walk-in', count: 3, provenance: { kind: 'logged' } };
    const counts = { claims: 1, records: 2, evidence: 0, evidenceBytes: 0, imports: 0, settings: 0 };
    const negative = await refusal(read(craftBackup({ 'claims.json': JSON.stringify([claim]), 'records.jsonl': `${JSON.stringify(good)}\n${JSON.stringify({ ...good, bucket: '2022-10-16', count: -1 })}\n` }, { counts })));
    expect(negative.entry).toBe('records.jsonl');
    expect(negative.message).toMatch(/records\.jsonl 2번째 줄, count: 0 이상이어야 해요 \/ records\.jsonl line 2, count: must be >= 0/);
    // Each reader gets the reason whole in one language: the Korean reader no English, the English reader no Korean.
    expect(textIn(negative.text, 'ko')).toBe('records.jsonl 2번째 줄, count: 0 이상이어야 해요');
    expect(textIn(negative.text, 'en')).toBe('records.jsonl line 2, count: must be >= 0');
    const orphan = await refusal(read(craftBackup({ 'claims.json': JSON.stringify([claim]), 'records.jsonl': `${JSON.stringify(good)}\n${JSON.stringify({ ...good, claimId: 'nobody' })}\n` }, { counts })));
    expect(orphan.message).toMatch(/2번째 줄.*claimId.*nobody/);
    const dup = await refusal(read(craftBackup({ 'claims.json': JSON.stringify([claim]), 'records.jsonl': `${JSON.stringify(good)}\n${JSON.stringify(good)}\n` }, { counts })));
    expect(dup.message).toMatch(/2번째 줄.*두 번/);

    const body = structuredClone(sampleContents().claims[0]!.body) as { records: { revenue: number }[] };
    body.records[3].revenue = 2e12;
    const badClaim = await refusal(read(craftBackup({ 'claims.json': JSON.stringify([{ ...claim, body }]) }, { counts: { ...counts, records: 0 } })));
    expect(badClaim.entry).toBe('claims.json');
    expect(badClaim.message).toMatch(/claims\.json 1번째 항목.*"가게".*body\.records\[3\]\.revenue/);
  });

  it('refuses evidence whose listed hash or size does not match its bytes', async () => {
    const contents = sampleContents();
    const { bytes } = await buildBackup({ ...contents, evidence: [{ ...contents.evidence[0]!, sha256: 'a'.repeat(64) }] }, opts);
    const e = await refusal(read(bytes));
    expect(e.entry).toBe('evidence.json');
    expect(e.message).toMatch(/evidence\.json 1번째 항목\(item 1, 카드매출 2022\.xlsx\), sha256/);
  });

  it('refuses JSON nested far too deep without overflowing the stack', async () => {
    const deep = `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`;
    const e = await refusal(read(craftBackup({ 'settings.json': deep })));
    expect(e.message).toMatch(/settings\.json .*너무 깊게/);
  });
});

describe('incident packs in a backup (format version 2)', () => {
  it('keeps the stored packs in packs.json and reads them back equal; the preview counts them', async () => {
    const contents = sampleContents();
    const { bytes, manifest } = await buildBackup(contents, opts);
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.files.map((f) => f.path)).toContain('packs.json');
    const back = await read(bytes);
    expect(back.contents.packs).toEqual(contents.packs);
    expect(back.contents.packs[0]!.pack.rules[0]!.params).toEqual({ amount: 50_000 });
    expect(back.summary.packCount).toBe(1);
  });

  it('reads a version 1 backup (no packs.json, no pack count) as before, with no packs', async () => {
    const back = await read(craftBackup({ 'settings.json': JSON.stringify([{ key: 'language', value: 'ko' }]) }, { counts: { claims: 0, records: 0, evidence: 0, evidenceBytes: 0, imports: 0, settings: 1 } }));
    expect(back.manifest.formatVersion).toBe(1);
    expect(back.contents.packs).toEqual([]);
    expect(back.summary.packCount).toBe(0);
    expect(back.contents.settings).toEqual([{ key: 'language', value: 'ko' }]);
  });

  it('refuses a version 2 backup without packs.json, or with a pack count that is not what it holds', async () => {
    const missing = await refusal(read(craftBackup({}, { formatVersion: 2 })));
    expect(missing.code).toBe('damaged');
    expect(missing.entry).toBe('packs.json');
    const row = sampleContents().packs[0]!;
    const counted = await refusal(read(craftBackup({ 'packs.json': JSON.stringify([row]) }, { formatVersion: 2, counts: { claims: 0, records: 0, evidence: 0, evidenceBytes: 0, imports: 0, settings: 0, packs: 0 } })));
    expect(counted.message).toContain('counts.packs');
  });

  it('checks each pack as a pack file is checked at import, naming the row and field', async () => {
    const row = sampleContents().packs[0]!;
    const counts = { claims: 0, records: 0, evidence: 0, evidenceBytes: 0, imports: 0, settings: 0, packs: 1 };
    const craft = (r: unknown) => craftBackup({ 'packs.json': JSON.stringify([r]) }, { formatVersion: 2, counts });
    const badKind = await refusal(read(craft({ ...row, pack: { ...row.pack, rules: [{ ...row.pack.rules[0], kind: 'lottery' }] } })));
    expect(badKind.code).toBe('invalid-content');
    expect(badKind.entry).toBe('packs.json');
    expect(badKind.message).toContain('packs.json 1번째 항목(item 1), pack.rules[0].kind');
    const wrongVersion = await refusal(read(craft({ ...row, version: 2 })));
    expect(wrongVersion.message).toContain('packs.json 1번째 항목(item 1), version');
    const origin = await refusal(read(craft({ ...row, origin: 'downloaded' })));
    expect(origin.message).toContain('origin');
    const kakao = await refusal(read(craft({ ...row, id: 'kakao-2022-10', pack: { ...row.pack, id: 'kakao-2022-10' } })));
    expect(kakao.message).toContain('pack.id');
    const twice = await refusal(read(craftBackup({ 'packs.json': JSON.stringify([row, row]) }, { formatVersion: 2, counts: { ...counts, packs: 2 } })));
    expect(twice.message).toContain('같은 장애 팩 버전이 두 번 있어요');
  });
});

describe('a refusal speaks one language to each reader', () => {
  const HANGUL = /[\uac00-\ud7a3]/;
  it('gives the Korean reader Korean only and the English reader English only, for each kind of refusal', async () => {
    const { bytes: sealed } = await buildBackup(sampleContents(), { ...opts, passphrase: 'correct horse' });
    const { bytes } = await buildBackup(sampleContents(), opts);
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    let weak: BackupError | undefined;
    try {
      checkNewPassphrase('short');
    } catch (err) {
      weak = err as BackupError;
    }
    const errors = [
      await refusal(read(sealed, 'wrong horse')),
      await refusal(read(sealed)),
      await refusal(read(new Uint8Array(0))),
      await refusal(read(enc('just some text'))),
      await refusal(read(cut)),
      await refusal(read(craftBackup({ 'claims.json': '{"not": "a list"}' }))),
      weak!,
    ];
    expect(new Set(errors.map((e) => e.code)).size).toBeGreaterThanOrEqual(6);
    for (const err of errors) {
      const ko = textIn(err.text, 'ko');
      const en = textIn(err.text, 'en');
      expect(ko, err.code).toMatch(HANGUL);
      expect(en, err.code).not.toMatch(HANGUL);
      expect(en, err.code).not.toBe('');
      expect(ko).not.toContain(en);
      // The message (logs, CLI) keeps its joined shape, made from the same text.
      expect(err.message).toBe(joined(err.text));
    }
  });
});
