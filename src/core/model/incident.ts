import { z } from 'zod';
import { bi, bilingualTextSchema, idSchema, kstInstantSchema } from './common';
import { parseInstant } from '../time/kst';

/** `[start, end)` in KST with an explicit +09:00 offset (loss model section 2). */
export const windowSchema = z
  .object({ start: kstInstantSchema, end: kstInstantSchema })
  .refine((w) => {
    try {
      return parseInstant(w.end) > parseInstant(w.start);
    } catch {
      return true; // the field checks report the format
    }
  }, { message: bi('끝 시각이 시작 시각보다 뒤여야 해요', 'end must be after start'), path: ['end'] });

export const serviceOutageSchema = z.object({
  id: idSchema,
  name: bilingualTextSchema,
  /** The public window as the preset (or the user, for an incident of their own) recorded it. */
  window: windowSchema,
  /** Where the times come from (publication and article id), and why a time was chosen when uncertain. */
  source: z.string().max(2000).default(''),
  /** The user's own window, kept beside the preset times so a packet can show both. */
  userWindow: windowSchema
    .extend({ note: z.string().max(500).default('') })
    .optional(),
});

export const incidentSchema = z.object({
  id: idSchema,
  name: bilingualTextSchema,
  /** The preset this incident was copied from, if any (the user may edit times; the preset stays as data). */
  presetId: idSchema.optional(),
  /** The version of the preset's pack the incident was taken from: a newer pack leaves the claim on it until the user moves it. */
  presetVersion: z.number().int().min(1).optional(),
  services: z.array(serviceOutageSchema).min(1, bi('장애 서비스를 하나 이상 적어요', 'list at least one affected service')),
  /** Free text: what happened, with sources. */
  summary: z.string().max(4000).optional(),
});

export type OutageWindow = z.infer<typeof windowSchema>;
export type ServiceOutage = z.infer<typeof serviceOutageSchema>;
export type Incident = z.infer<typeof incidentSchema>;

/** The window the estimate uses for a service: the user's edit when present, else the preset's. */
export function effectiveWindow(service: ServiceOutage): OutageWindow {
  return service.userWindow ? { start: service.userWindow.start, end: service.userWindow.end } : service.window;
}
