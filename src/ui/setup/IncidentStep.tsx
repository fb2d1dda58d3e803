import { useTranslation } from 'react-i18next';
import type { Incident } from '../../core/model';
import type { ClaimBody } from '../../db';
import { IncidentChooser } from '../incidents/IncidentChooser';
import { useSaveBody } from './save';
import type { Problem } from './save';

interface Props {
  body: Partial<ClaimBody>;
  claimId: string;
  /** Called with the document as saved, so the next step starts from it at once. */
  onDone: (saved: Partial<ClaimBody>) => void;
  onBack: () => void;
}

/** The claim's incident with the services the claimant no longer has dropped from what they used. */
export function withIncident(body: Partial<ClaimBody>, incident: Incident): Partial<ClaimBody> {
  const ids = new Set(incident.services.map((s) => s.id));
  const claimant = body.claimant as (Record<string, unknown> & { servicesUsed?: string[] }) | undefined;
  const nextClaimant = claimant?.servicesUsed ? { ...claimant, servicesUsed: claimant.servicesUsed.filter((id) => ids.has(id)) } : claimant;
  return { ...body, incident, ...(nextClaimant ? { claimant: nextClaimant as ClaimBody['claimant'] } : {}) };
}

/** Step 2: the outage, chosen once here (the incident page shows and edits it). */
export function IncidentStep({ body, claimId, onDone, onBack }: Props) {
  const { t } = useTranslation();
  const save = useSaveBody(claimId);
  const current = body.incident as Incident | undefined;

  async function choose(incident: Incident): Promise<Problem[]> {
    const next = withIncident(body, incident);
    const outcome = await save(next);
    if (!outcome.ok) return outcome.problems;
    onDone(next);
    return [];
  }

  return <IncidentChooser current={current} onChoose={choose} submitLabel={t('setup.next')} onBack={onBack} />;
}
