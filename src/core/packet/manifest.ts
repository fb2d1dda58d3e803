import { z } from 'zod';

/**
 * manifest.json: the packet's table of contents. Every other file's path, size and SHA-256, who made it and
 * when, and the key figures so `verify` can recompute the estimate from claim.json and compare.
 */

export const PACKET_FORMAT = 'outage-loss-desk/packet';
export const PACKET_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const won = z.number().int();

export const packetFiguresSchema = z.object({
  expected: won,
  actual: won,
  lostCount: z.number(),
  lostRevenue: won,
  margin: z.number(),
  lostProfit: won,
  lostProfitLow: won,
  lostProfitHigh: won,
  directTotal: won,
  indirectTotal: won,
  claimTotal: won,
  /** The channel rule's own figure, when the channel has one. */
  rule: z.object({ id: z.string(), loss: won, band: z.string() }).nullable(),
});

export const manifestSchema = z.object({
  format: z.literal(PACKET_FORMAT),
  formatVersion: z.literal(PACKET_FORMAT_VERSION),
  app: z.object({ name: z.string(), version: z.string() }),
  /** KST with an explicit offset, from the injected clock. */
  madeAt: z.string(),
  channel: z.string(),
  claimId: z.string(),
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256 })),
  figures: packetFiguresSchema,
});

export type PacketManifest = z.infer<typeof manifestSchema>;
export type PacketFigures = z.infer<typeof packetFiguresSchema>;
