// A web-test-runner reporter that ends the run with one plain line: "tests: N passed, N failed".
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      let broken = 0;
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) broken++;
      }
      totals.failed += broken;
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      // Printed after the default reporter's own summary.
      setTimeout(() => console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`));
    },
  };
}
