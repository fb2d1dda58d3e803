import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimBody, ClaimRow } from '../../db';
import { navigate } from '../routes';
import { ChannelsStep } from './ChannelsStep';
import { IncidentStep } from './IncidentStep';
import { MarginStep } from './MarginStep';
import { ServicesStep } from './ServicesStep';
import { completedSteps, firstOpenStep, isSetupStep, SETUP_STEPS } from './steps';
import type { SetupStep } from './steps';
import { WhoStep } from './WhoStep';
import '../styles/setup.css';
import { earningsContext } from '../format';

/** `#/claimant?step=margin` opens that step (links from the estimate's checklist use it). */
function stepFromHash(): SetupStep | null {
  const query = window.location.hash.split('?')[1];
  const step = query ? new URLSearchParams(query).get('step') : null;
  return isSetupStep(step) ? step : null;
}

/**
 * The claimant setup as five short steps. Each step saves the claim document as a draft, so a reload
 * loses nothing; the list on the left ticks what the saved document already has.
 */
export function SetupFlow({ claim }: { claim: ClaimRow }) {
  const { t } = useTranslation();
  const stored = (claim.body && typeof claim.body === 'object' ? claim.body : {}) as Partial<ClaimBody>;
  // What a step just saved, until the live row catches up (the next step must not start from the old document).
  const [justSaved, setJustSaved] = useState<{ body: Partial<ClaimBody>; over: string } | null>(null);
  const body = justSaved && justSaved.over === claim.updatedAt ? justSaved.body : stored;
  const [step, setStep] = useState<SetupStep>(() => stepFromHash() ?? firstOpenStep(body));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const done = completedSteps(body);
  // A driver's steps speak of calls and 수입 (setup.step.channels_driver …), a shop's of sales.
  const context = earningsContext((body.claimant as { kind?: string } | undefined)?.kind);
  const index = SETUP_STEPS.indexOf(step);

  useEffect(() => {
    const onHash = () => {
      const s = stepFromHash();
      if (s) setStep(s);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // After moving between steps the step's heading takes focus (not on first render: the page heading has it).
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  // On a phone the steps are one row that scrolls inside itself: keep the current one in that row's view
  // (the row only, never the page: scrollIntoView would move the page to the row).
  const stripRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const keepInView = () => {
      const strip = stripRef.current;
      const current = strip?.querySelector('[aria-current="step"]');
      if (!strip || !current || strip.scrollWidth <= strip.clientWidth) return;
      const row = strip.getBoundingClientRect();
      const item = current.getBoundingClientRect();
      // Whole pixels, rounded outwards: scrollLeft drops fractions, which would leave the step's edge cut off.
      if (item.left < row.left) strip.scrollLeft -= Math.ceil(row.left - item.left);
      else if (item.right > row.right) strip.scrollLeft += Math.ceil(item.right - row.right);
    };
    keepInView();
    // The labels widen when the bundled font arrives: measure again then.
    let live = true;
    void document.fonts?.ready.then(() => live && keepInView());
    return () => {
      live = false;
    };
  }, [step]);

  const go = (s: SetupStep) => {
    moved.current = true;
    setStep(s);
  };
  const next = (saved: Partial<ClaimBody>) => {
    setJustSaved({ body: saved, over: claim.updatedAt });
    if (index === SETUP_STEPS.length - 1) navigate('records');
    else go(SETUP_STEPS[index + 1]!);
  };
  const back = () => go(SETUP_STEPS[Math.max(0, index - 1)]!);
  const props = { body, claimId: claim.id, onDone: next, onBack: back };

  return (
    <section className="setup" aria-labelledby="setup-title">
      <h2 id="setup-title" className="setup-title">{t('setup.title', { title: claim.title })}</h2>
      <div className="setup-layout">
        <nav aria-label={t('setup.stepsLabel')} className="stepper">
          <ol ref={stripRef}>
            {SETUP_STEPS.map((s, i) => (
              <li key={s}>
                <button
                  type="button"
                  className={['stepper-item', s === step ? 'is-current' : '', done[s] ? 'is-done' : ''].join(' ').trim()}
                  aria-current={s === step ? 'step' : undefined}
                  onClick={() => go(s)}
                >
                  <span className="stepper-num" aria-hidden="true">{done[s] ? '✓' : i + 1}</span>
                  <span className="stepper-text">
                    <span className="stepper-label">{t(`setup.step.${s}`, { context })}</span>
                    <span className="stepper-state">{done[s] ? t('setup.done') : t('setup.todo')}</span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div className="setup-step">
          <p className="setup-count">{t('setup.stepOf', { n: index + 1, total: SETUP_STEPS.length })}</p>
          <h3 ref={headingRef} tabIndex={-1} className="setup-step-title">{t(`setup.stepTitle.${step}`, { context })}</h3>
          <p className="setup-step-lead">{t(`setup.stepLead.${step}`, { context })}</p>
          {step === 'who' && <WhoStep key={`${claim.id}-who`} {...props} />}
          {step === 'incident' && <IncidentStep key={`${claim.id}-incident`} {...props} />}
          {step === 'services' && <ServicesStep key={`${claim.id}-services`} {...props} />}
          {step === 'channels' && <ChannelsStep key={`${claim.id}-channels`} {...props} />}
          {step === 'margin' && <MarginStep key={`${claim.id}-margin`} {...props} />}
        </div>
      </div>
    </section>
  );
}
