// Runs before the app's modules (a classic script; modules are deferred). The app runs under a
// Content-Security-Policy without 'unsafe-eval'; zod probes `new Function` when its first object schema is
// built, and that probe, though caught, is reported as a policy violation. `jitless` skips it (zod then uses
// its interpreted parsers, which is what the policy leaves anyway). Workers do the same in src/ui/no-eval.ts.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
