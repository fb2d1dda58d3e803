import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { COLUMN_ROLES, IMPORT_SHAPES, ImportFileError, importActivityFile, previewActivityFile, type ImportOptions, type ImportPreview, type ImportResult, type ImportShape } from '../../core/io';
import { iconvCp949Decoder } from '../../core/io/cp949-iconv';
import { assertFile, CliInputError } from '../errors';
import { IMAGE_NAME } from './import-screenshots';
import { formatWon } from '../../core/model/money';
import { joined } from '../../core/model/common';

export const summary = '가져오기: CSV/XLSX 매출·콜 기록을 읽어요 / import records from a CSV or XLSX file';

const USAGE = [
  '사용법 / usage: outage-desk import <file> [options]',
  '  --map date=일자,hour=시간,count=건수,revenue=매출액,channel=채널   열 지정 / column mapping',
  `  --shape ${IMPORT_SHAPES.join('|')}                      파일 형태 / file shape`,
  '  --channel <id>           채널 열이 없거나 빈 칸일 때의 채널 / channel for rows without one',
  '  --channel-map 네이버페이=naver-pay,...   채널 이름 → id / channel value → id',
  '  --sheet <name|n>         XLSX 시트 / XLSX sheet (name or 1-based position)',
  '  --preview [n]            가져오지 않고 머리글, 열 지정, 처음 n행(기본 5)만 보여줘요 / show headers, mapping and the first n rows only',
  '  --json                   JSON으로 출력 / print JSON',
  '',
  '사용법 / usage: outage-desk import <screenshot.png|jpg ...> [--json]',
  '  운행 내역·월별 요약·카드 매출 조회 화면 캡처를 읽어 기록을 제안해요 (저장하지 않아요)',
  '  reads trip-history, month-summary or card-sales screenshots and prints the proposed records (stores nothing)',
].join('\n');

function parsePairs(option: string, text: string): Record<string, string> {
  const pairs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new CliInputError(`--${option}: '${part}'는 이름=값 형식이어야 해요 / '${part}' must be name=value\n\n${USAGE}`);
    pairs[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return pairs;
}

function koreanEncoding(encoding: ImportResult['encoding']): string {
  return { 'utf-8-bom': 'UTF-8 (BOM)', 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', cp949: 'CP949 (한국어 Excel)', xlsx: 'XLSX' }[encoding];
}

function humanSummary(file: string, result: ImportResult): string {
  const records = result.records;
  const perChannel = new Map<string, { count: number; revenue: number }>();
  for (const r of records) {
    const t = perChannel.get(r.channel) ?? { count: 0, revenue: 0 };
    t.count += r.count;
    t.revenue += r.revenue ?? 0;
    perChannel.set(r.channel, t);
  }
  const first = records[0]?.bucket.slice(0, 10);
  const last = records[records.length - 1]?.bucket.slice(0, 10);
  const lines = [
    `${file}: ${koreanEncoding(result.encoding)}${result.sheetName ? ` '${result.sheetName}' 시트` : ''} · ${result.granularity === 'hourly' ? '시간별' : '일별'} · 기록 ${records.length.toLocaleString('ko-KR')}개${first ? ` (${first} ~ ${last})` : ''}`,
    ...[...perChannel].map(([channel, t]) => `  ${channel}: ${t.count.toLocaleString('ko-KR')}건, ${formatWon(t.revenue)}`),
    ...result.warnings.map((w) => `  주의 / note: ${joined(w)}`),
  ];
  return lines.join('\n');
}

function previewText(file: string, preview: ImportPreview): string {
  const mapped = Object.entries(preview.mapping).map(([role, header]) => `${role}=${header}`).join(', ');
  return [
    `${file}: ${koreanEncoding(preview.encoding)}${preview.sheetName ? ` '${preview.sheetName}' 시트` : ''} · 머리글 ${preview.headerRow}행 / header row ${preview.headerRow}`,
    `  열 / columns: ${preview.headers.join(' | ')}`,
    `  열 지정 / mapping: ${mapped || '(없음 / none)'} · 형태 / shape: ${preview.shape ?? '?'} · ${preview.granularity === 'hourly' ? '시간별' : '일별'}`,
    ...preview.rows.map((r) => `  ${r.row}행: ${r.cells.join(' | ')}`),
  ].join('\n');
}

function errorList(file: string, result: ImportResult): string {
  const lines = result.errors.map((e) => `  ${e.row}행 / row ${e.row}${e.column ? ` [${e.column}]` : ''}${e.value ? ` '${e.value}'` : ''}: ${joined(e.reason)}`);
  return [`${file}: 잘못된 행이 ${result.errors.length}개 있어요 / ${result.errors.length} bad row(s):`, ...lines].join('\n');
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        map: { type: 'string' },
        shape: { type: 'string' },
        channel: { type: 'string' },
        'channel-map': { type: 'string' },
        sheet: { type: 'string' },
        json: { type: 'boolean', default: false },
        preview: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new CliInputError(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0 && positionals.every((p) => IMAGE_NAME.test(p))) {
    const { runScreenshots } = await import('./import-screenshots');
    return runScreenshots(positionals, values.json);
  }
  // `--preview 5` leaves the 5 among the positionals.
  let previewRows = 5;
  if (values.preview && positionals.length === 2 && /^\d+$/.test(positionals[1]!)) previewRows = Number(positionals.pop());
  if (positionals.length !== 1) throw new CliInputError(`가져올 파일 하나를 지정해 주세요 / name exactly one file to import\n\n${USAGE}`);
  const path = positionals[0]!;
  const shape = values.shape;
  if (shape !== undefined && !(IMPORT_SHAPES as readonly string[]).includes(shape)) {
    throw new CliInputError(`--shape는 ${IMPORT_SHAPES.join(', ')} 중 하나예요 / --shape must be one of ${IMPORT_SHAPES.join(', ')}`);
  }
  const mapping = values.map !== undefined ? parsePairs('map', values.map) : undefined;
  for (const key of Object.keys(mapping ?? {})) {
    if (!(COLUMN_ROLES as readonly string[]).includes(key)) {
      throw new CliInputError(`--map: 알 수 없는 항목 '${key}'이에요 (쓸 수 있는 것: ${COLUMN_ROLES.join(', ')}) / unknown mapping key '${key}'`);
    }
  }

  await assertFile(path);
  const bytes = new Uint8Array(await readFile(path));
  const fileName = basename(path);

  const options: ImportOptions = {
    fileName,
    decodeCp949: iconvCp949Decoder,
    ...(mapping ? { mapping } : {}),
    ...(shape ? { shape: shape as ImportShape } : {}),
    ...(values.channel !== undefined ? { channel: values.channel } : {}),
    ...(values['channel-map'] !== undefined ? { channelMap: parsePairs('channel-map', values['channel-map']) } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
  };

  if (values.preview) {
    let preview: ImportPreview;
    try {
      preview = await previewActivityFile(bytes, { ...options, rows: previewRows });
    } catch (err) {
      if (err instanceof ImportFileError) throw new CliInputError(err.message);
      throw err;
    }
    if (values.json) console.log(JSON.stringify({ file: path, ...preview }, null, 2));
    else console.log(previewText(fileName, preview));
    return 0;
  }

  let result: ImportResult;
  try {
    result = await importActivityFile(bytes, options);
  } catch (err) {
    if (err instanceof ImportFileError) throw new CliInputError(err.message);
    throw err;
  }

  if (values.json) {
    const { encoding, granularity, shape: resultShape, fileSha256, sheetName, records, errors, warnings } = result;
    console.log(JSON.stringify({ file: path, encoding, granularity, shape: resultShape, fileSha256, ...(sheetName ? { sheetName } : {}), records, errors: errors.map((e) => ({ ...e, reason: joined(e.reason) })), warnings: warnings.map(joined) }, null, 2));
  } else {
    console.log(humanSummary(fileName, result));
  }
  if (result.errors.length > 0) {
    console.error(errorList(fileName, result));
    return 2;
  }
  return 0;
}
