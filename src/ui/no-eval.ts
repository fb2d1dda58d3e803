/**
 * The renderer's workers run under a Content-Security-Policy without 'unsafe-eval' (electron/security.ts).
 * zod probes `new Function` when its first object schema is built; the probe is caught but reported as a
 * policy violation. zod reads its settings from `globalThis.__zod_globalConfig`, so setting `jitless` there
 * before zod loads skips the probe (zod then uses its interpreted parsers, all the policy allows anyway).
 * Each worker entry imports this first; it imports nothing, so it runs before zod. The document does the
 * same in public/zod-jitless.js, a classic script that runs before any module. The CLI keeps zod's JIT.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
