/**
 * `outage-desk pack list [--json]`, `pack show <id|file> [--json]`, `pack validate <file>`: incident packs
 * (docs/incident-pack-format.md). A bad pack file exits 2 with each field path and reason.
 */
import { readFile } from 'node:fs/promises';
import { CliInputError } from '../errors.js';
import { BUNDLED_PACKS, findBundledPack, formatPackIssues, packIntervals, parseIncidentPackText, sourceText } from '../../core/incidents/index';
import type { IncidentPack } from '../../core/model/incident-pack';

export const summary = '장애 팩을 보고 검사해요 / list, show and validate incident packs';

const USAGE = [
  '사용법 / usage:',
  '  outage-desk pack list [--json]',
  '  outage-desk pack show <id|file> [--json]   (--json: the pack file itself)',
  '  outage-desk pack validate <file>',
].join('\n');

/** Reads and validates a pack file; any problem is a CliInputError naming the file and field paths. */
export async function readPackFile(file: string): Promise<IncidentPack> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliInputError(`${file}: 파일을 읽을 수 없어요 / cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const r = parseIncidentPackText(text, { bundled: BUNDLED_PACKS });
  if (!r.ok) {
    const lines = formatPackIssues(r.issues.slice(0, 30)).split('\n').map((l) => `${file}: ${l}`);
    if (r.issues.length > 30) lines.push(`${file}: … 외 ${r.issues.length - 30}개 / and ${r.issues.length - 30} more`);
    throw new CliInputError(`장애 팩이 잘못됐어요 / invalid incident pack\n${lines.join('\n')}`);
  }
  return r.pack;
}

function listing(p: IncidentPack) {
  return {
    id: p.id,
    version: p.version,
    name: p.incident.name,
    intervals: packIntervals(p),
    rules: p.rules.map((r) => ({ id: r.id, kind: r.kind, name: r.name, claimantKinds: r.claimantKinds })),
  };
}

function describe(p: IncidentPack): string {
  const out: string[] = [];
  out.push(`${p.incident.name.ko} (${p.incident.name.en}) — ${p.id} v${p.version}`);
  out.push(p.incident.summary.ko);
  out.push(`출처 / sources: ${p.incident.sources.map(sourceText).join('; ')}`);
  out.push('', '장애 서비스 / services');
  for (const s of p.services) {
    for (const w of s.intervals) {
      const flags = [w.startUnconfirmed ? '시작 미확인 / start unconfirmed' : '', w.end === null ? '진행 중 / still going on' : w.endUnconfirmed ? '끝 미확인 / end unconfirmed' : ''].filter(Boolean);
      out.push(`  ${s.name.ko}: ${w.start} ~ ${w.end ?? '?'}${w.region ? ` (${w.region})` : ''}${flags.length ? ` [${flags.join(', ')}]` : ''}`);
    }
  }
  out.push('', '보상 기준 / rules');
  for (const r of p.rules) {
    out.push(`  ${r.name.ko} [${r.kind}] — ${r.claimantKinds.join(', ')}${r.unconfirmed ? ' [일부 미확인 / partly unconfirmed]' : ''}`);
    for (const i of r.inputs) out.push(`    입력 / input ${i.id}: ${i.name.ko} (증빙 / evidence: ${i.evidence.ko})`);
    out.push(`    출처 / source: ${r.sources.map(sourceText).join('; ')}`);
  }
  out.push('', '접수 창구 / channels');
  for (const c of p.channels) out.push(`  ${c.name.ko} [${c.kind}]${c.opens ? ` ${c.opens} ~ ${c.closes ?? ''}` : ''}`);
  return out.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const json = rest.includes('--json');
  const unknown = rest.find((a) => a.startsWith('-') && a !== '--json');
  if (unknown) throw new CliInputError(`알 수 없는 옵션이에요 / unknown option: ${unknown}\n${USAGE}`);
  const positional = rest.filter((a) => !a.startsWith('-'));
  switch (sub) {
    case 'list': {
      if (positional.length) throw new CliInputError(`pack list는 인자를 받지 않아요 / pack list takes no arguments\n${USAGE}`);
      if (json) console.log(JSON.stringify(BUNDLED_PACKS.map(listing), null, 2));
      else {
        for (const p of BUNDLED_PACKS) {
          const first = packIntervals(p)[0]!;
          console.log(`${p.id.padEnd(18)} ${first.start.slice(0, 10)}  ${p.incident.name.ko}  (규칙 / rules: ${p.rules.map((r) => r.kind).join(', ') || '-'})`);
        }
      }
      return 0;
    }
    case 'show': {
      const target = positional[0];
      if (!target || positional.length > 1) throw new CliInputError(`팩 id나 파일 하나를 적어 주세요 / give one pack id or file\n${USAGE}`);
      const pack = findBundledPack(target) ?? (await readPackFile(target));
      console.log(json ? JSON.stringify(pack, null, 2) : describe(pack));
      return 0;
    }
    case 'validate': {
      const file = positional[0];
      if (!file || positional.length > 1 || json) throw new CliInputError(`팩 파일 하나를 적어 주세요 / give one pack file\n${USAGE}`);
      const pack = await readPackFile(file);
      console.log(`올바른 장애 팩이에요 / valid incident pack: ${pack.id} v${pack.version} (${pack.services.length} services, ${pack.rules.length} rules, ${pack.channels.length} channels)`);
      return 0;
    }
    default:
      throw new CliInputError(`${sub ? `알 수 없는 pack 명령이에요 / unknown pack command: ${sub}\n` : ''}${USAGE}`);
  }
}
