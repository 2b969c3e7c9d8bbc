// Sums vitest JSON reports into one closing line: "tests: P passed, F failed, S skipped".
import { readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
// With an adapter and a browser required (CI), nothing may skip: a skip means a tier did not run.
const required = process.env.REQUIRE_GPU === '1' || process.env.REQUIRE_BROWSER === '1';
if (required && skipped > 0) console.error(`${skipped} tests skipped although REQUIRE_GPU/REQUIRE_BROWSER is set`);
process.exit(failed > 0 || passed === 0 || (required && skipped > 0) ? 1 : 0);
