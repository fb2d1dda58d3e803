import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBatch } from '../../src/core/batch/batch';
import { batchRosterCsv, batchRosterXlsx, batchSummaryPdf, isBatchFileName, readBatchSources, writeBatchZip } from '../../src/core/batch/run';
import { iconvCp949Decoder } from '../../src/core/io/cp949-iconv';
import { readZipSafely } from '../../src/core/packet/zip';
import { appVersion, readPacketFonts } from '../../src/cli/commands/packet';

/**
 * The streaming batch CLI (src/cli/batch-stream.ts: members spilled to disk, outputs streamed) against the
 * in-memory pipeline it replaced (core/batch/run.ts, still the app's, run here in the test exactly as the
 * CLI ran it before issue 18): the same input must give the same files, byte for byte, except the workbook
 * (exceljs stamps its zip entries with the current time), whose cells must be the same.
 */

const NOW = '2022-11-01T09:00+09:00';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** What the batch CLI did before streaming (main at 27bc9ab, src/cli/commands/batch.ts), in memory. */
async function inMemoryBatch(folder: string, redact: boolean) {
  const names = readdirSync(folder).filter(isBatchFileName).sort((a, b) => (a < b ? -1 : 1));
  const sources = names.map((name) => ({ label: `packets/${name}`, ref: join(folder, name) }));
  const pathOf = new Map(sources.map((s) => [s.label, s.ref]));
  const read = await readBatchSources(sources, async (path) => new Uint8Array(readFileSync(path)), { decodeCp949: iconvCp949Decoder });
  const now = new Date(NOW);
  const result = analyseBatch(read.members, read.invalid, { now, automatic: true });
  const options = { now, redact, appVersion: await appVersion() };
  const csv = batchRosterCsv(result, redact);
  const xlsx = await batchRosterXlsx(result, options);
  const pdf = await batchSummaryPdf(result, options, await readPacketFonts());
  const chunks: Uint8Array[] = [];
  const written = await writeBatchZip(result, { csv, xlsx, pdf }, {
    ...options,
    files: sources.length,
    readPacket: async (m) => new Uint8Array(readFileSync(pathOf.get(m.source.file)!)),
    onChunk: (c) => chunks.push(c),
  });
  return { csv, xlsx, pdf, zip: Buffer.concat(chunks), manifestText: written.manifestText, result };
}

async function sheetValues(bytes: Uint8Array): Promise<{ rows: unknown[][]; formats: unknown[][]; bold: boolean; numFmt: string | undefined; frozen: unknown }> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('회원 명단')!;
  const rows: unknown[][] = [];
  // Every cell's number format and boldness as well: the streaming writer shares style objects between
  // cells (src/cli/batch-stream.ts), which must not change any cell's style.
  const formats: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => v ?? null));
    formats.push(Array.from({ length: row.cellCount }, (_, i) => `${row.getCell(i + 1).numFmt ?? ''}|${row.getCell(i + 1).font?.bold === true}`));
  });
  return { rows, formats, bold: sheet.getRow(1).font?.bold === true, numFmt: sheet.getRow(2).getCell(19).numFmt, frozen: sheet.views[0] && { state: sheet.views[0].state, ySplit: (sheet.views[0] as { ySplit?: number }).ySplit } };
}

describe('streaming batch = the in-memory batch, byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-batch-stream-'));
  const packets = join(dir, 'synth', 'packets');
  const synth = cli('synth', '--members', '40', '--seed', '18', '--out', join(dir, 'synth'), '--no-pdf');
  // A bare claim equal to a packet's (same-claim rule across kinds: a merge), a file that is no packet, and a tampered packet.
  const first = readdirSync(packets).sort()[0]!;
  writeFileSync(join(packets, 'zz-bare.claim.json'), readZipSafely(new Uint8Array(readFileSync(join(packets, first)))).get('claim.json')!);
  writeFileSync(join(packets, 'random.zip'), Uint8Array.from({ length: 2000 }, (_, i) => (i * 31) % 256));
  const tampered = new Uint8Array(readFileSync(join(packets, readdirSync(packets).sort()[5]!)));
  tampered[tampered.length >> 1] ^= 0xff;
  writeFileSync(join(packets, 'tampered.zip'), tampered);

  it.each([false, true])('same roster CSV, summary PDF, manifest and zip (redact %s)', async (redact) => {
    expect(synth.code).toBe(0);
    const out = join(dir, redact ? 'out-redacted' : 'out');
    const r = cli('batch', packets, '--out', out, '--now', NOW, '--threads', '1', ...(redact ? ['--redact'] : []));
    expect(r.err).toBe('');
    expect(r.code).toBe(2); // the two bad files
    const old = await inMemoryBatch(packets, redact);
    // The input really has what the comparison needs: exact and fuzzy pairs, a merge, invalid items.
    expect(old.result.decisions.some((d) => d.action === 'merge')).toBe(true);
    expect(old.result.decisions.some((d) => d.action === 'keep-one')).toBe(true);
    expect(old.result.pairs.some((p) => !p.exact)).toBe(true);
    expect(old.result.invalid.length).toBe(2);

    expect(readdirSync(out).sort()).toEqual(['batch-manifest.json', 'batch.zip', 'roster.csv', 'roster.xlsx', 'summary.pdf']);
    expect(Buffer.compare(readFileSync(join(out, 'roster.csv')), Buffer.from(old.csv))).toBe(0);
    expect(Buffer.compare(readFileSync(join(out, 'summary.pdf')), Buffer.from(old.pdf))).toBe(0);

    // The workbook: the same cells, header, number format and frozen row.
    const xlsx = new Uint8Array(readFileSync(join(out, 'roster.xlsx')));
    const [mine, theirs] = [await sheetValues(xlsx), await sheetValues(old.xlsx)];
    expect(mine.rows.length).toBe(1 + old.result.members.length + old.result.invalid.length);
    expect([mine.bold, mine.numFmt, mine.frozen]).toEqual([true, '#,##0', { state: 'frozen', ySplit: 1 }]);
    expect(mine).toEqual(theirs);

    // The manifest: the same text once the workbook's own size and hash are set aside (exceljs's streaming writer
    // lays out the same cells in other bytes than its in-memory one).
    const manifest = readFileSync(join(out, 'batch-manifest.json'), 'utf8');
    const entryOf = (text: string) => (JSON.parse(text) as { files: { path: string; size: number; sha256: string }[] }).files.find((f) => f.path === 'roster.xlsx')!;
    const [a, b] = [entryOf(manifest), entryOf(old.manifestText)];
    expect(a.size).toBe(xlsx.length);
    const aligned = old.manifestText.replace(`"size": ${b.size},\n      "sha256": "${b.sha256}"`, `"size": ${a.size},\n      "sha256": "${a.sha256}"`);
    expect(aligned).not.toBe(old.manifestText);
    expect(manifest).toBe(aligned);

    // The zip: the same entries in the same order, each the same bytes (the workbook and the manifest as above).
    const zipped = readZipSafely(new Uint8Array(readFileSync(join(out, 'batch.zip'))));
    const oldZipped = readZipSafely(new Uint8Array(old.zip));
    expect([...zipped.keys()]).toEqual([...oldZipped.keys()]);
    for (const [path, bytes] of zipped) {
      if (path === 'roster.xlsx') expect(bytes).toEqual(xlsx);
      else if (path === 'batch-manifest.json') expect(new TextDecoder().decode(bytes)).toBe(manifest);
      else expect(Buffer.compare(Buffer.from(bytes), Buffer.from(oldZipped.get(path)!)), path).toBe(0);
    }
    // No spill file or hidden work folder is left behind.
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
