import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {object} VitestJsonReport
 * @property {number} [numPassedTests]
 * @property {number} [numFailedTests]
 * @property {number} [numPendingTests]
 * @property {number} [numTodoTests]
 * @property {{ status?: string, assertionResults?: unknown[] }[]} [testResults]
 */

/**
 * Test counts from a report written by vitest's JSON reporter; null when there is no report
 * (vitest crashed before writing it).
 * @param {string} file
 * @returns {{ passed: number, failed: number, skipped: number } | null}
 */
export function readCounts(file) {
  if (!existsSync(file)) return null;
  /** @type {VitestJsonReport} */
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A test file that fails to load reports no tests, but it is a failure all the same.
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && (result.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}
