import type { z } from 'zod';
import { bi, readJoined, type BilingualText } from './common';

/** Field-path issues with Korean + English reasons, shared by claim files and incident packs. */
export interface ClaimIssue {
  /** `records[12].count`; empty for the whole file. */
  path: string;
  /** The reason in both languages (zod's message, joined "한국어 / English", is read once here). */
  message: BilingualText;
}


/** `['records', 12, 'count']` -> `records[12].count` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const TYPE_KO: Record<string, string> = {
  string: '글자', number: '숫자', boolean: '참/거짓', object: '객체', array: '목록', int: '정수',
};

/** Zod's default messages are English only; this map gives every reason in Korean and English. */
export const bilingualErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return bi('꼭 적어야 하는 항목이에요', 'required');
      return bi(`${TYPE_KO[issue.expected] ?? issue.expected} 값이어야 해요`, `expected ${issue.expected}`);
    case 'too_small':
      if (issue.origin === 'array') return bi(`항목이 ${String(issue.minimum)}개 이상이어야 해요`, `needs at least ${String(issue.minimum)} items`);
      if (issue.origin === 'string') return bi(`${String(issue.minimum)}자 이상이어야 해요`, `needs at least ${String(issue.minimum)} characters`);
      return bi(`${String(issue.minimum)} ${issue.inclusive ? '이상' : '초과'}이어야 해요`, `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`);
    case 'too_big':
      if (issue.origin === 'array') return bi(`항목이 ${String(issue.maximum)}개 이하여야 해요`, `at most ${String(issue.maximum)} items`);
      if (issue.origin === 'string') return bi(`${String(issue.maximum)}자 이하여야 해요`, `at most ${String(issue.maximum)} characters`);
      return bi(`${String(issue.maximum)} ${issue.inclusive ? '이하' : '미만'}이어야 해요`, `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`);
    case 'invalid_format':
      return bi('형식이 맞지 않아요', `invalid format (${issue.format})`);
    case 'not_multiple_of':
      return bi(`${String(issue.divisor)}의 배수여야 해요`, `must be a multiple of ${String(issue.divisor)}`);
    case 'unrecognized_keys':
      return bi(`알 수 없는 항목이에요: ${issue.keys.join(', ')}`, `unknown keys: ${issue.keys.join(', ')}`);
    case 'invalid_value':
      return bi(`다음 중 하나여야 해요: ${issue.values.map(String).join(', ')}`, `must be one of: ${issue.values.map(String).join(', ')}`);
    case 'invalid_union':
      return bi('허용된 형태가 아니에요', 'does not match any allowed shape');
    case 'invalid_key':
      return bi('항목 이름이 올바르지 않아요', 'invalid key');
    case 'invalid_element':
      return bi('값이 올바르지 않아요', 'invalid value');
    default:
      return bi('값이 올바르지 않아요', 'invalid value');
  }
};

/** Turn zod issues into field-path issues; a union's branch issues are flattened to the deepest ones. */
export function toClaimIssues(error: z.ZodError): ClaimIssue[] {
  const out: ClaimIssue[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // Report the branch that got furthest (fewest issues) rather than "no union matched".
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        walk(best, path);
      } else {
        out.push({ path: formatIssuePath(path), message: readJoined(issue.message) });
      }
    }
  };
  walk(error.issues, []);
  return out;
}
