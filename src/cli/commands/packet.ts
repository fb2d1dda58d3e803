import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { parseClaimFile } from '../../core/model/claim-file';
import { buildPacket, PacketInputError } from '../../core/packet/build';
import { formatWon } from '../../core/packet/format';
import { CHANNEL_IDS, channelsForClaim, findChannelProfile, profilesForPack } from '../../core/packet/profiles';
import { packForClaim } from '../../core/estimate/rules/index';
import { claimantKindsInWords } from '../../core/incidents/listing';
import type { Claim } from '../../core/model/claim';
import type { IncidentPack } from '../../core/model/incident-pack';
import { embeddedPackMismatch } from '../../core/packet/incident-pack';
import { readPackFile } from './pack.js';
import { CliInputError } from '../errors.js';
import { joined } from '../../core/model/common';

export const summary = '청구 파일로 채널별 증빙 묶음(zip)을 만들어요 / build an evidence packet (zip) for a claim channel';

const USAGE = [
  '사용법 / usage: outage-desk packet <claim.json> --channel <id> --out <dir> [--now 2022-11-01T09:00+09:00] [--skip-missing-evidence] [--pack <pack.json>]',
  `  --channel: 청구에 맞는 창구만 돼요 / only a channel that applies to the claim (${CHANNEL_IDS.join(', ')}; --pack의 창구 / or the pack's)`,
].join('\n');

const require = createRequire(import.meta.url);

/** The TrueType Noto Sans KR shipped in node_modules (woff2 does not work in pdfmake). */
export async function readPacketFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const [regular, bold] = await Promise.all([
    readFile(require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf')),
    readFile(require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf')),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}

/**
 * The app's version from the project's package.json: the nearest one above this module, which is
 * src/cli/commands/ under tsx and dist-cli/ in the prebuilt bundle (bin/outage-desk.mjs).
 */
export async function appVersion(): Promise<string> {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(await readFile(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'outage-loss-desk') return pkg.version ?? '0.0.0';
    } catch {
      // not here: one folder up
    }
    if (new URL('..', dir).href === dir.href) return '0.0.0';
  }
}

type Options = { claimPath: string; channel: string; outDir: string; now: Date; skipMissingEvidence: boolean; pack: string | undefined };

function parseArgs(args: string[]): Options {
  let claimPath: string | undefined;
  let channel: string | undefined;
  let outDir: string | undefined;
  let now = new Date();
  let skipMissingEvidence = false;
  let pack: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CliInputError(`${arg} 뒤에 값이 필요해요 / ${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--channel') channel = value();
    else if (arg === '--skip-missing-evidence') skipMissingEvidence = true;
    else if (arg === '--pack') pack = value();
    else if (arg === '--out') outDir = value();
    else if (arg === '--now') {
      const raw = value();
      now = new Date(raw);
      if (!/[+-]\d{2}:\d{2}$|Z$/.test(raw) || Number.isNaN(now.getTime())) {
        throw new CliInputError(`--now는 시간대가 있는 시각이어야 해요 (예: 2022-11-01T09:00+09:00) / --now must be an instant with an offset: ${raw}`);
      }
    } else if (arg.startsWith('--')) throw new CliInputError(`알 수 없는 옵션이에요 / unknown option: ${arg}\n${USAGE}`);
    else if (!claimPath) claimPath = arg;
    else throw new CliInputError(`인자가 너무 많아요 / unexpected argument: ${arg}\n${USAGE}`);
  }
  if (!claimPath || !channel || !outDir) throw new CliInputError(USAGE);
  // A pack file may bring channels of its own: checked once the pack is read.
  if (!pack && !CHANNEL_IDS.includes(channel)) {
    throw new CliInputError(`알 수 없는 채널이에요: ${channel} (가능: ${CHANNEL_IDS.join(', ')}) / unknown channel`);
  }
  return { claimPath, channel, outDir, now, skipMissingEvidence, pack };
}

/**
 * The channels the export screen offers for this claim (channelsForClaim, with its --pack): any other known id is
 * refused before any evidence is read or anything written, naming why and the channels that do apply.
 */
function assertChannelApplies(claimPath: string, claim: Claim, channel: string, pack: IncidentPack | undefined): void {
  const { profiles } = channelsForClaim(claim, pack);
  if (profiles.some((p) => p.id === channel)) return;
  const asked = findChannelProfile(channel, pack);
  const own = packForClaim(claim, pack);
  const ofOwnPack = !!own && profilesForPack(own).some((p) => p.id === channel);
  // A profile of the claim's own pack left out by channelsForClaim: its rule names other claimant kinds.
  const rule = ofOwnPack ? own.rules.find((r) => r.id === asked?.rule) : undefined;
  const forKinds = rule && claimantKindsInWords(rule.claimantKinds);
  const mine = claimantKindsInWords([claim.claimant.kind]);
  const why = forKinds
    ? { ko: `${forKinds.ko} 대상 창구라 ${mine.ko} 청구에는 맞지 않아요`, en: `not for this claimant kind: it is for ${forKinds.en}, not ${mine.en}` }
    : !ofOwnPack
      ? { ko: `다른 장애의 창구라 이 청구의 장애(${claim.incident.name.ko})에는 맞지 않아요`, en: `not for this incident: it is another incident's channel (this claim: ${claim.incident.name.en || claim.incident.id})` }
      : null; // the header says it all
  throw new CliInputError(
    [
      `${claimPath}: 이 청구에 맞지 않는 창구예요: ${channel}${asked ? ` (${asked.name.ko})` : ''} / channel ${channel} does not apply to this claim`,
      ...(why ? [`  ${why.ko} / ${why.en}`] : []),
      '  이 청구에 맞는 창구 / channels that apply:',
      ...profiles.map((p) => `    ${p.id} ${p.name.ko}`),
    ].join('\n'),
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readOrFail(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new CliInputError(`${what}을(를) 읽을 수 없어요: ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}) / cannot read ${path}`);
  }
}

export async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const claimPath = resolve(options.claimPath);
  const claimBytes = await readOrFail(claimPath, '청구 파일');
  const parsed = parseClaimFile(new TextDecoder().decode(claimBytes));
  if (!parsed.ok) {
    throw new CliInputError(
      [`청구 파일이 올바르지 않아요 / invalid claim file: ${options.claimPath}`, ...parsed.issues.map((i) => `  ${i.path || '(file)'}: ${joined(i.message)}`)].join('\n'),
    );
  }
  const claim = parsed.claim;
  // --pack: the incident pack of a claim whose outage is not bundled (the packet carries it as incident-pack.json).
  const pack = options.pack === undefined ? undefined : await readPackFile(options.pack);
  if (pack) {
    const mismatch = embeddedPackMismatch(claim, pack);
    if (mismatch) throw new CliInputError(`${options.pack}: ${joined(mismatch)}`);
    if (!findChannelProfile(options.channel, pack)) {
      const ids = [...(pack.channels.map((c) => c.profile?.id).filter((x): x is string => !!x)), ...CHANNEL_IDS];
      throw new CliInputError(`알 수 없는 채널이에요: ${options.channel} (가능: ${ids.join(', ')}) / unknown channel`);
    }
  }
  assertChannelApplies(options.claimPath, claim, options.channel, pack);
  // Evidence lives beside the claim file, in evidence/<fileName>.
  const evidenceFiles = new Map<string, Uint8Array>();
  for (const item of claim.evidence) {
    const safeName = basename(item.fileName);
    if (safeName !== item.fileName) {
      throw new CliInputError(`증빙 파일 이름에 폴더가 들어 있어요 / evidence file name must not contain folders: evidence[${item.id}].fileName "${item.fileName}"`);
    }
    const path = join(dirname(claimPath), 'evidence', item.fileName);
    if (options.skipMissingEvidence && !(await exists(path))) continue;
    evidenceFiles.set(item.fileName, await readOrFail(path, `증빙 파일 (evidence ${item.id}; --skip-missing-evidence로 빼고 만들 수 있어요)`));
  }
  const started = performance.now();
  let built;
  try {
    built = await buildPacket({
      claim,
      // An upgraded (older-format) claim is written in the current format; otherwise the user's bytes as they are.
      ...(parsed.upgradedFrom === null ? { claimFileBytes: claimBytes } : {}),
      channel: options.channel,
      evidenceFiles,
      missingEvidence: options.skipMissingEvidence ? 'list' : 'error',
      fonts: await readPacketFonts(),
      appVersion: await appVersion(),
      now: options.now,
      ...(pack ? { pack } : {}),
    });
  } catch (err) {
    if (err instanceof PacketInputError) throw new CliInputError(`${options.claimPath}: ${err.message}`);
    throw err;
  }
  const elapsed = performance.now() - started;
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const outPath = join(outDir, built.fileName);
  // Write then rename: a reader never sees half a zip.
  const tmp = `${outPath}.${process.pid}.tmp`;
  await writeFile(tmp, built.bytes);
  await rename(tmp, outPath);
  const size = (await stat(outPath)).size;
  const pdfSize = built.manifest.files.find((f) => f.path === 'report.pdf')?.size ?? 0;
  const f = built.manifest.figures;
  console.log(`묶음을 만들었어요 / packet written: ${outPath}`);
  console.log(`  ${size.toLocaleString('en-US')} B (report.pdf ${pdfSize.toLocaleString('en-US')} B), ${Math.round(elapsed)} ms`);
  console.log(`  청구 합계 ${formatWon(f.claimTotal)} · 손실 이익 ${formatWon(f.lostProfit)}${f.rule ? ` · ${f.rule.id} ${formatWon(f.rule.loss)} (${f.rule.band})` : ''}`);
  if (built.readiness.length) {
    console.log('  아직 빠진 것 / still missing:');
    for (const issue of built.readiness) console.log(`  - ${joined(issue.message)}`);
  }
  return 0;
}
