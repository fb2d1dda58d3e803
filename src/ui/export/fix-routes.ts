import type { ReadinessIssue } from '../../core/packet/readiness';
import type { RouteId } from '../routes';

/** Contact and identity fields are filled on the claimant page; the texts built from figures, by the estimate. */
const CLAIMANT_FIELD = /applicant|driver|email|mobile|phone|tel|name|business|contact|account|region/i;

/** The page where a readiness issue is fixed. */
export function routeForIssue(issue: Pick<ReadinessIssue, 'code' | 'subject'>): RouteId {
  switch (issue.code) {
    case 'example-claim':
    case 'rule-needs-hourly':
      return 'claimant';
    case 'field-empty':
      return CLAIMANT_FIELD.test(issue.subject) ? 'claimant' : 'estimate';
    case 'document-missing':
    case 'evidence-file-missing':
      return 'evidence';
    case 'too-few-reference-dates':
      return 'baseline';
    case 'no-outage-records':
    case 'rule-window-uncovered':
    case 'rule-unavailable':
      return 'records';
  }
}

/** Where a readiness issue is fixed, as a link: the record unit is a step of the claimant setup. */
export function fixHrefForIssue(issue: Pick<ReadinessIssue, 'code' | 'subject'>): string | null {
  return issue.code === 'rule-needs-hourly' ? '#/claimant?step=margin' : null;
}

/** The page where a claim-validation issue (by its field path) is fixed. */
export function routeForPath(path: string): RouteId {
  const head = path.split(/[.[]/)[0] ?? '';
  if (head === 'incident') return 'incident';
  if (head === 'records' || head === 'granularity') return 'records';
  if (['referenceDates', 'declaredBaseline'].includes(head)) return 'baseline';
  if (['directItems', 'indirectItems', 'parameters'].includes(head)) return 'estimate';
  if (head === 'evidence') return 'evidence';
  return 'claimant';
}
