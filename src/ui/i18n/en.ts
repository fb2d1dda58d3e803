import { enBaseline } from './areas/baseline';
import { enEvidence } from './areas/evidence';
import { enExport } from './areas/export';
import type { Messages } from './types';
import { enEstimate } from './areas/estimate';
import { enExamples } from './areas/examples';
import { enBackup } from './areas/backup';
import { enIncident } from './areas/incident';
import { enPacks } from './areas/packs';
import { enSetup } from './areas/setup';
import { enRecords } from './areas/records';
import { enImport } from './areas/import';
import { enScreenshots } from './areas/screenshots';
import { enFares } from './areas/fares';
import { enRecordUnit } from './areas/record-unit';
import { enBackdate } from './areas/backdate';
import { enTracker } from './areas/tracker';
import { enBatch } from './areas/batch';

/** English mirrors ko.ts key for key. */
export const en: Messages = {
  app: {
    name: 'Outage Loss Desk',
    mark: '손',
    tagline: 'Record the orders and calls a platform outage cost you, and prepare your claim',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    navLabel: 'Claim steps',
    currentClaim: 'Current claim',
    noCurrentClaim: 'No claim selected',
    notFoundTitle: 'This page does not exist',
    notFoundBody: 'The address changed or was mistyped. Start again from the first page.',
    goHome: 'Go to the first page',
    openFailedTitle: 'Your data could not be opened',
    openFailedBody: "This browser's storage could not be opened. Reload, or open the app in a normal (not private) window.",
    reload: 'Reload',
    nextStep: 'Next step: {{step}}',
  },
  nav: {
    claimant: 'Claimant',
    incident: 'Outage',
    records: 'Records',
    baseline: 'Baseline',
    estimate: 'Estimate',
    evidence: 'Evidence',
    export: 'Export',
    tracker: 'Tracker',
    batch: 'Association batch',
    settings: 'Settings',
  },
  navHint: {
    claimant: 'Who is claiming',
    incident: 'What stopped, and when',
    records: 'Orders and calls',
    baseline: 'Your usual figures',
    estimate: 'The loss',
    evidence: 'Screenshots and files',
    export: 'Claim packet',
    tracker: 'Deadlines and payments',
    batch: 'Many claims together',
    settings: 'Language and storage',
  },
  language: {
    label: 'Language',
    ko: '한국어',
    en: 'English',
  },
  claims: {
    title: 'Claimant and claims',
    lead: 'One claim is one person’s (or one shop’s) loss from one outage. Name it, then fill it in step by step.',
    newLabel: 'Name of the new claim',
    newPlaceholder: 'e.g. Pangyo shop, 15 Oct outage',
    create: 'Create claim',
    listTitle: 'My claims',
    emptyTitle: 'No claims yet',
    emptyBody: 'Type a name above and press “Create claim”. Everything stays on this computer.',
    current: 'Working on this',
    open: 'Work on this claim',
    rename: 'Rename',
    renameLabel: 'New name for “{{title}}”',
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    deleteTitle: 'Delete this claim?',
    deleteBody: '“{{title}}” and all its records and evidence will be deleted. This cannot be undone.',
    deleteConfirm: 'Delete',
    created: 'Claim “{{title}}” created.',
    renamed: 'Renamed to “{{title}}”.',
    deleted: 'Claim “{{title}}” deleted.',
    updatedAt: 'Last changed {{date}}',
    example: 'Example',
    titleRequired: 'Enter a name for the claim.',
    titleTooLong: 'A claim name can be at most {{max}} characters.',
  },
  noClaim: {
    title: 'Create a claim first',
    body: 'Create or choose a claim, then you can continue with this step.',
    action: 'Create a claim',
  },
  needRecords: {
    title: 'Add your records first',
    body: 'This step needs your orders or calls from before and during the outage.',
    action: 'Go to records',
  },
  incident: enIncident,
  packs: enPacks,
  records: enRecords,
  import: enImport,
  screenshots: enScreenshots,
  fares: enFares,
  recordUnit: enRecordUnit,
  backdate: enBackdate,
  baseline: enBaseline,
  estimate: enEstimate,
  setup: enSetup,
  examples: enExamples,
  backup: enBackup,
  evidence: enEvidence,
  export: enExport,
  tracker: enTracker,
  batch: enBatch,
  settings: {
    title: 'Settings',
    lead: 'Language, storage and app information.',
    languageTitle: 'Display language',
    storageTitle: 'Storage',
    persistLabel: 'Persistent storage',
    persist: {
      granted: 'On. The browser will not delete this data when the disk runs low.',
      denied: 'Not granted. The browser may delete data when the disk runs low: export often.',
      unsupported: 'Cannot be checked here.',
      pending: 'Checking…',
    },
    usageLabel: 'In use',
    usage: '{{usage}} of {{quota}}',
    usageUnknown: 'Unknown',
    databaseLabel: 'Data version',
    appTitle: 'About the app',
    appVersion: 'Version',
    appPlatform: 'Running in',
    appUnavailable: 'App information is not available.',
    platformWeb: 'Web browser',
  },
  updateRequired: {
    title: 'Update required',
    body: 'This data was saved by a newer version of Outage Loss Desk (data version {{found}}; this app reads up to {{supported}}). To keep it safe, nothing is changed: it is only read.',
    action: 'Update the app to the latest version, then open it again.',
    claimsTitle: 'Saved claims (read-only)',
    noClaims: 'No claims could be read.',
  },
  dateField: {
    invalidDate: '{{field}}: enter a date like 2022-10-15.',
    invalidTime: '{{field}}: enter a 24-hour time like 15:30.',
    datePlaceholder: '2022-10-15',
    timePlaceholder: '15:30',
    datetimePlaceholder: '2022-10-15 15:30',
    invalidDateTime: '{{field}}: enter a date and 24-hour time like 2022-10-15 15:30.',
  },
  notice: {
    close: 'Close notice',
    region: 'Notices',
    quota: 'Storage is full. What you just did was not saved. Free some disk space or delete old evidence files, then try again.',
    readOnly: 'This data is read-only, so nothing was saved.',
    closed: 'The app was updated in another window, which closed this one’s connection. Please reload.',
    unknown: 'Could not save: {{message}}',
  },
  bytes: {
    b: '{{n}} bytes',
    kb: '{{n}} KB',
    mb: '{{n}} MB',
    gb: '{{n}} GB',
  },
};
