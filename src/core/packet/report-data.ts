/**
 * Everything the packet prints, already computed: the adapter in ./facts.ts fills it from the claim and the
 * estimate (estimateClaim), so the PDF, form texts and README never compute a figure themselves.
 */

/**
 * `status`: confirmed by the claimant, still to confirm, or nothing to confirm because it is a choice of
 * method, a published fact or a figure computed from the claimant's records.
 */
export type ReportAssumption = { label: string; value: string; source: string; status: 'confirmed' | 'unconfirmed' | 'method' | 'public' | 'records' };

export type ReportBucket = {
  bucket: string;
  expected: number;
  actual: number;
  expectedCount: number;
  actualCount: number;
  /** Spread of this bucket's reference values (lowest and highest), when the estimate gives them. */
  low?: number;
  high?: number;
};

export type ReportWeek = { label: string; total: number | null; role: 'outage' | 'best' | 'used' | 'skipped' | 'after'; note?: string };

export type ReportRule = {
  id: string;
  name: string;
  loss: number;
  bandLabel: string;
  /** What the rule pays: the band's payout (30,000 for a loss up to 300,000), the loss itself without bands, null when decided on review. */
  payout: number | null;
  /** Lines that explain how the rule's figure came about (weeks compared, windows compared). */
  detail: string[];
  weeks?: ReportWeek[];
  /** Two windows compared side by side (Kakao Mobility). */
  windows?: { label: string; start: string; end: string; total: number }[];
};

/** A company rule's figure beside the app's own estimate (incident-packs.md): never instead of it. */
export type ReportCompanyRule = {
  name: string;
  /** null: not computable (the notes say why). */
  loss: number | null;
  bandLabel: string;
  /** How the figure came about, in words. */
  lines: string[];
  /** Inputs the claimant declared, with the evidence asked for. */
  inputs: string[];
  notes: string[];
  /** The gap to the app's lost profit, in words; null when not computable. */
  gap: string | null;
  source: string;
};

export type ReportItem = { label: string; category: string; amount: number; note?: string };

/** `included`: false when the claim lists the file but the packet does not carry it. */
/** `label`: the claimant's own words for the file; `labelKo`: the document kind a reviewer files it under; `kept`: made at the time or later. */
export type ReportEvidence = { fileName: string; label: string; labelKo: string; kept?: 'at-the-time' | 'reconstructed'; sha256: string; size: number; included: boolean };

export type ReportData = {
  claimId: string;
  title: string;
  claimant: {
    name: string;
    kindKo: string;
    kind: string;
    businessName?: string;
    businessNumber?: string;
    phone?: string;
    email?: string;
    region?: string;
  };
  incident: { name: string; services: string[]; servicesKo: string; windowStart: string; windowEnd: string; windowHours: string; windowSpan: string; windowNotes: string[] };
  granularity: 'hourly' | 'daily';
  /** The claimant's words: what they earn (매출, or a driver's 수입) and the average per order or call. */
  /** `expectedBasis`: what the expected figure is, for the chart's legend ("기준일 평균, 당일 추세 보정 × 1.129", "신고 기준"). */
  words: { earnings: string; ticket: string; expectedBasis?: string };
  figures: {
    expected: number;
    actual: number;
    expectedCount: number;
    actualCount: number;
    lostCount: number;
    lostRevenue: number;
    margin: number;
    lostProfit: number;
    range: { low: number; high: number; levelLabel: string; driver: string };
    directItems: ReportItem[];
    directTotal: number;
    indirectItems: ReportItem[];
    indirectTotal: number;
    claimTotal: number;
    /**
     * Loss model section 1: counts only and no ticket. The words (Korean) saying revenue and lost profit
     * are not computable, with the counts; null when they are computable. The money figures above are
     * then not shown as amounts.
     */
    revenueNotComputable: string | null;
  };
  method: { summary: string; lines: string[] };
  referenceDates: { windowDate: string; references: string[] }[];
  buckets: ReportBucket[];
  assumptions: ReportAssumption[];
  warnings: string[];
  rule: ReportRule | null;
  /** Every rule of the incident's pack that applies to the claimant, beside the app's estimate. */
  companyRules?: ReportCompanyRule[];
  evidence: ReportEvidence[];
  resolutionSought: string;
};
