// @stdlib/assert-has-generator-support detects generators with `eval` in a try/catch; under the app's
// Content-Security-Policy (no 'unsafe-eval') that caught probe is still reported as a violation. Every
// browser the app runs in (Chromium 91+) has generators, so the answer is fixed. Aliased in vite.config.ts.
module.exports = function hasGeneratorSupport() {
  return true;
};
