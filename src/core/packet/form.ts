import { placeholdersIn, type ChannelProfile, type FactKey, type FormField } from './profile';
import { fitToLimit } from './text';
import { readJoined } from '../model/common';

/** The facts a template can use; a missing or empty fact drops the paragraph that mentions it. */
export type PacketFacts = Partial<Record<FactKey, string>>;

export type ChoiceContext = { claimantKind: string; services: readonly string[] };

export type FilledField = {
  id: string;
  label: string;
  labelEn: string;
  kind: FormField['kind'];
  required: boolean;
  text: string;
  maxLength?: number;
  maxLengthSource?: string;
  truncated: boolean;
  fullLength: number;
  instruction?: string;
  choices?: string[];
};

/** Fills one paragraph, or returns null when a fact it needs is missing. */
function fillParagraph(paragraph: string, facts: PacketFacts): string | null {
  let missing = false;
  const text = paragraph.replace(/\{([a-zA-Z.]+)\}/g, (_, key: string) => {
    const value = facts[key as FactKey];
    if (value === undefined || value.trim() === '') missing = true;
    return value ?? '';
  });
  return missing ? null : text;
}

export function renderTemplate(paragraphs: readonly string[], facts: PacketFacts): string {
  return paragraphs
    .map((p) => (placeholdersIn(p).length ? fillParagraph(p, facts) : p))
    .filter((p): p is string => p !== null && p.trim() !== '')
    .join('\n');
}

function pickChoice(field: FormField, context: ChoiceContext): string {
  for (const rule of field.choiceRules ?? []) {
    const kindOk = !rule.ifClaimantKindIn || rule.ifClaimantKindIn.includes(context.claimantKind);
    const serviceOk = !rule.ifServiceIn || rule.ifServiceIn.some((s) => context.services.includes(s));
    if (kindOk && serviceOk) return rule.choice;
  }
  return field.defaultChoice ?? '';
}

export function fillFormFields(profile: ChannelProfile, facts: PacketFacts, context: ChoiceContext): FilledField[] {
  return profile.fields.map((field) => {
    let raw = '';
    if (field.kind === 'choice') raw = pickChoice(field, context);
    else if (field.template) raw = renderTemplate(field.template, facts);
    const fitted = fitToLimit(raw, field.maxLength);
    return {
      id: field.id,
      label: field.label.ko,
      labelEn: field.label.en,
      kind: field.kind,
      required: field.required,
      text: fitted.text,
      ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
      ...(field.maxLengthSource ? { maxLengthSource: field.maxLengthSource } : {}),
      truncated: fitted.truncated,
      fullLength: fitted.fullLength,
      ...(field.instruction ? { instruction: field.instruction } : {}),
      ...(field.choices ? { choices: [...field.choices] } : {}),
    };
  });
}

/**
 * form.txt: each field's label, its limit and the text to paste, in the form's order. A Korean reviewer reads
 * it, so it is Korean only: a pack's joined "한국어 / English" notes (a limit's source, an instruction) show
 * their Korean half; the app's English screens read the full notes from the fields.
 */
export function formTxt(profile: ChannelProfile, fields: readonly FilledField[]): string {
  const rule = '-'.repeat(40);
  const lines: string[] = [profile.name.ko, readJoined(profile.howToSubmit).ko, ''];
  for (const f of fields) {
    const source = f.maxLengthSource ? readJoined(f.maxLengthSource).ko.trim() : '';
    const limit = f.maxLength ? ` (최대 ${f.maxLength}자${source ? `, ${source}` : ''})` : '';
    lines.push(rule, `[${f.label}]${f.required ? ' *필수' : ' (선택)'}${limit}`);
    if (f.choices) lines.push(`선택지: ${f.choices.join(' · ')}`);
    if (f.text) lines.push(f.kind === 'choice' ? `선택: ${f.text}` : f.text);
    else if (f.kind !== 'consent' && f.kind !== 'attachment') lines.push('(비어 있어요: 직접 채워 주세요)');
    if (f.truncated) lines.push(`※ 글자 수 제한으로 ${f.fullLength}자 중 일부만 넣었어요. 전체는 report.pdf에 있어요.`);
    if (f.instruction) lines.push(`※ ${readJoined(f.instruction).ko}`);
    lines.push('');
  }
  return lines.join('\r\n');
}
