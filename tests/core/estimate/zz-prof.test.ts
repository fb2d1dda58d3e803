import { it } from 'vitest';
import { estimateClaim, RecordIndex } from '../../../src/core/estimate/index';
import { claimSchema } from '../../../src/core/model/index';
import { hour, loadExample, rec } from './helpers';
it('prof', () => {
  const claim = loadExample('restaurant-hourly.claim.json');
  const channels = ['card', 'kakao-pay', 'talk-channel-order', 'cash', 'phone'];
  const records = [];
  for (let day = -90; day <= 8; day++) {
    const d = new Date(Date.UTC(2022, 9, 15 + day)).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) for (const [i, ch] of channels.entries()) records.push(rec(hour(d, h), ch, 1 + ((h + i) % 3), (1 + ((h + i) % 3)) * 11_000));
  }
  const big = claimSchema.parse({ ...claim, claimant: { ...claim.claimant, servicesUsed: ['talk-channel'], salesChannels: channels.map((id) => ({ id, label: id, isPlatform: false })) }, records, referenceDates: { byWindowDate: {}, abnormalDates: [] }, parameters: { ...claim.parameters, k: 8, trendFactor: false } });
  for (let i = 0; i < 5; i++) estimateClaim(big);
  let t = performance.now(); for (let i = 0; i < 20; i++) new RecordIndex(big.records, channels, 'hourly'); console.log('index', (performance.now() - t) / 20);
  t = performance.now(); for (let i = 0; i < 20; i++) estimateClaim(big); console.log('all', (performance.now() - t) / 20);
  const noInd = { ...big, indirectItems: [] };
  t = performance.now(); for (let i = 0; i < 20; i++) estimateClaim(noInd); console.log('no indirect', (performance.now() - t) / 20);
});
