import { z } from 'zod';
import { claimSchema } from './claim';

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
