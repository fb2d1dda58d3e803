import { z } from 'zod';
import { claimSchema } from './claim';
import { incidentPackSchema } from './incident-pack';

/** The JSON Schema of a claim file (version 1), as committed in docs/claim.schema.json. */
export function claimJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(claimSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://outage-loss-desk.invalid/claim.schema.json',
    title: 'Outage Loss Desk claim file (formatVersion 1)',
    description:
      '장애 손실 계산기 청구 파일. 검증 숫자(사업자등록번호), 기간, 교차 항목 검사는 앱이 따로 해요 (docs/claim-format.md). / ' +
      'Claim file. Check digits, date validity and cross-field rules are enforced by the app, not by this schema (docs/claim-format.md).',
  };
}

/** The JSON Schema of an incident pack file (version 1), as committed in docs/incident-pack.schema.json. */
export function incidentPackJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(incidentPackSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://outage-loss-desk.invalid/incident-pack.schema.json',
    title: 'Outage Loss Desk incident pack (formatVersion 1)',
    description:
      '장애 팩: 한 장애의 서비스·장애 구간·접수 창구·보상 규칙을 담은 데이터 파일. 구간 겹침, 규칙 입력 참조, 구간 순서, 크기, 앱 팩과의 id 충돌은 앱이 따로 검사해요 (docs/incident-pack-format.md). / ' +
      'Incident pack. Overlapping intervals, rule input references, band order, size and id collisions with bundled packs are checked by the app (docs/incident-pack-format.md).',
  };
}
