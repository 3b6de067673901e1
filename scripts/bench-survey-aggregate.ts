/**
 * How long the pure aggregation of one survey round takes, in process: per-question means and distributions,
 * targets and benchmarks, response rate, department and job-level breakdowns with suppression, and the CSV.
 * Usage: npm run bench:survey-aggregate  (prints figures; never fails on timing)
 */
import { performance } from 'node:perf_hooks';
import { JOB_LEVELS } from '../bot/src/kernel/domain/catalog/job-levels.js';
import { ANNUAL_QUESTION_IDS } from '../bot/src/features/survey/domain/survey-rounds.js';
import { aggregateSurveyRound, surveyResultsCsv, type AnonymousSurveyResponse } from '../bot/src/features/survey/domain/survey-results.js';
import { seededRandom } from './support/seeded-random.js';

const DEPARTMENTS = 100;
const round = { id: 'fy2026-annual', kind: 'annual' as const, fiscalYear: 2026, questionIds: [...ANNUAL_QUESTION_IDS] };


function generate(count: number): AnonymousSurveyResponse[] {
  const next = seededRandom(count);
  // Department sizes are skewed, as in a ward office: a few large departments and many small ones.
  return Array.from({ length: count }, () => ({
    answers: Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, 1 + Math.floor(next() * 5)])),
    departmentId: `d${Math.floor(DEPARTMENTS * next() ** 2)}`,
    jobLevel: JOB_LEVELS[Math.floor(next() * 3)],
    submittedOn: '2026-06-15',
  }));
}

function measure(label: string, runs: number, work: () => unknown) {
  for (let warm = 0; warm < 3; warm++) work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(46)} median ${median.toFixed(1).padStart(7)} ms   max ${times.at(-1)!.toFixed(1).padStart(7)} ms   (${runs} runs)`);
}

console.log(`survey aggregation bench — node ${process.version}, ${ANNUAL_QUESTION_IDS.length} questions, ${DEPARTMENTS} departments, 3 job levels`);
for (const count of [5_000, 50_000]) {
  const responses = generate(count);
  const results = aggregateSurveyRound(round, responses, Math.round(count / 0.431));
  const shown = results.byDepartment.groups.length;
  const all = new Set(responses.map((response) => response.departmentId)).size;
  console.log(`\n${count.toLocaleString('en-US')} responses: ${all} department groups (${all - shown} suppressed), Q1 mean ${results.questions[0]!.mean}`);
  measure(`aggregateSurveyRound (${count.toLocaleString('en-US')})`, count >= 50_000 ? 10 : 30, () => aggregateSurveyRound(round, responses, count * 2));
  measure(`aggregate + CSV export (${count.toLocaleString('en-US')})`, count >= 50_000 ? 10 : 30, () =>
    surveyResultsCsv(aggregateSurveyRound(round, responses, count * 2), { locale: 'ja' }),
  );
}
