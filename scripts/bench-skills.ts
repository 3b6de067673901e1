/**
 * Skills over time at the ward's scale, over HTTP on the real bot server and in-memory Azurite: 5,200 staff in 52 課
 * with three 年度 of assessment history each, 300 April transfers, 100 leavers (with their leaving date) and 40
 * pending 上司確認 requests in one 課. Times the ward trend (管理 → スキル推移), one 課's trend (部署の状況) and a
 * 管理職's confirmation queue, each read three times (the first cold), and prints wall time and peak RSS.
 * Usage: npm run bench:skills [-- <staff>] (default 5200; e.g. `-- 500` for a smoke run). Never fails on timing:
 * figures need a quiet machine, and the in-memory Azurite (one Node process) sets the pace, not the app.
 */
import { performance } from 'node:perf_hooks';
import PQueue from 'p-queue';
import { startApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { SKILLS } from '../bot/src/kernel/domain/catalog/skills.js';
import type { JobLevel } from '../bot/src/kernel/domain/catalog/job-levels.js';
import type { Employee } from '../bot/src/kernel/domain/employee.js';
import { fiscalYearOf } from '../bot/src/kernel/domain/jst.js';
import { keys } from '../bot/src/kernel/storage/keys.js';
import { createTableStorage } from '../bot/src/kernel/storage/table-storage.js';
import { createLogger } from '../bot/src/logger.js';

const STAFF = Number(process.argv[2] ?? 5200);
const SECTIONS = Math.max(2, Math.round(STAFF / 100));
const TRANSFERS = Math.round(STAFF * (300 / 5200));
const LEAVERS = Math.round(STAFF * (100 / 5200));
const PENDING = 40;
const TENANT = '00000000-0000-4000-8000-000000000001';
const ADMIN = '00000000-0000-4000-8000-00000000ad01';
const PREFIX = 'benchskills';
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const thisYear = fiscalYearOf(new Date());

const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TENANT }), {
  storage: { connectionString: azurite.connectionString },
  log: createLogger({ silent: true }),
  tablePrefix: PREFIX,
});
const r = app.repositories;

const idOf = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const sectionOf = (index: number) => index % SECTIONS;
const division = (section: number) => `第${Math.floor(section / 4) + 1}部`;
const sectionName = (section: number) => `課${section + 1}`;
const departmentId = (section: number) => `bench-ka-${section}`;
/** Within each 課: one 管理職 in 20, one 係長級 in 5, the rest 一般職. */
const jobLevelOf = (index: number): JobLevel => {
  const rank = Math.floor(index / SECTIONS);
  return rank % 20 === 0 ? 'manager' : rank % 5 === 0 ? 'chief' : 'general';
};
/** Every criterion of a skill up to `level`. */
const ticksFor = (levels: Record<string, number>) =>
  SKILLS.flatMap((skill) => skill.levels.filter((level) => level.level <= (levels[skill.id] ?? 0)).flatMap((level) => level.criteria.map((criterion) => criterion.id)));

async function seed() {
  const started = performance.now();
  for (let section = 0; section < SECTIONS; section++) await r.departments.save({ id: departmentId(section), name: `${division(section)} ${sectionName(section)}` });
  const leaverFrom = STAFF - LEAVERS;
  const people: Employee[] = Array.from({ length: STAFF }, (_, index) => ({
    id: idOf(index),
    displayName: `職員 ${index}`,
    email: `s${index}@bench.example.jp`,
    departmentId: departmentId(sectionOf(index)),
    jobLevel: jobLevelOf(index),
    roles: ['employee'],
    locale: undefined,
    tenantId: TENANT,
    installedAt: undefined,
    staffNumber: String(100000 + index),
    directoryStatus: index >= leaverFrom ? 'left' : 'active',
  }));
  const queue = new PQueue({ concurrency: 16 });
  await queue.addAll(people.map((person) => () => r.employees.save(person)));
  await r.employees.save({ id: ADMIN, displayName: 'bench admin', email: undefined, departmentId: undefined, jobLevel: 'chief', roles: ['employee', 'admin'], locale: undefined, tenantId: TENANT, installedAt: undefined });

  // The directory: every staff record (leavers with the date they left) and this April's transfers.
  const moved = people.filter((_, index) => index < leaverFrom && index % Math.floor(leaverFrom / TRANSFERS) === 0).slice(0, TRANSFERS);
  await r.staffDirectory.write({
    records: people.map((person, index) => ({
      staffNumber: person.staffNumber!,
      name: person.displayName,
      division: division(sectionOf(index)),
      section: sectionName(sectionOf(index)),
      jobLevel: person.jobLevel!,
      upn: person.email!,
      status: index >= leaverFrom ? 'left' : 'active',
      employeeId: person.id,
      updatedAt: new Date().toISOString(),
      leftOn: index >= leaverFrom ? `${thisYear}-04-01` : undefined,
    })),
    previousUpns: new Map(),
    transfers: moved.map((person) => {
      const index = Number(person.staffNumber) - 100000;
      const from = (sectionOf(index) + 1) % SECTIONS;
      return {
        staffNumber: person.staffNumber!,
        name: person.displayName,
        from: { division: division(from), section: sectionName(from), jobLevel: person.jobLevel! },
        to: { division: division(sectionOf(index)), section: sectionName(sectionOf(index)), jobLevel: person.jobLevel! },
        effectiveDate: `${thisYear}-04-01`,
        importId: 'bench-april',
      };
    }),
  });

  // Three 年度 of history per person, written as the repository writes it (current row + one row per change), one
  // transaction per person.
  const storage = createTableStorage({ connectionString: azurite.connectionString }, PREFIX);
  const assessments = storage.client('SkillAssessments');
  await queue.addAll(
    people.map((person, index) => async () => {
      const rank = Math.floor(index / SECTIONS);
      const steps: [string, string[]][] = [
        [`${thisYear - 2}-06-01T00:00:00.000Z`, ticksFor(rank % 3 === 0 ? { security: 1 } : {})],
        [`${thisYear - 1}-06-01T00:00:00.000Z`, ticksFor(rank % 2 === 0 ? { security: 1, 'data-utilization': 1 } : { security: 1 })],
        [new Date(Date.now() - 86_400_000).toISOString(), ticksFor(rank % 4 === 0 ? { security: 2, 'data-utilization': 1, 'business-reform': 1 } : { security: 1 })],
      ];
      let before = new Set<string>();
      const history = steps.map(([at, ticked]) => {
        const after = new Set(ticked);
        const row = {
          ...keys.assessmentHistory(person.id, new Date(at)),
          at,
          addedJson: JSON.stringify(ticked.filter((id) => !before.has(id))),
          removedJson: JSON.stringify([...before].filter((id) => !after.has(id))),
        };
        before = after;
        return row;
      });
      const [lastAt, lastTicks] = steps.at(-1)!;
      const current = { ...keys.currentAssessment(person.id), employeeId: person.id, tickedJson: JSON.stringify(lastTicks), goalsJson: '{}', mindsetJson: '[]', updatedAt: lastAt };
      await assessments.submitTransaction([current, ...history].map((entity) => ['upsert', entity, 'Replace']));
    }),
  );

  // Pending 上司確認 requests in 課1 (its 管理職 reads the queue).
  // People whose current セキュリティ level is 1 (a request for a level no longer claimed would leave the queue).
  const section0 = people.filter((person, index) => sectionOf(index) === 0 && index < leaverFrom && person.jobLevel === 'general' && Math.floor(index / SECTIONS) % 4 !== 0).slice(0, PENDING);
  for (const person of section0) {
    await r.skillConfirmations.save({
      employeeId: person.id,
      skillId: 'security',
      level: 1,
      status: 'pending',
      route: 'supervisor',
      departmentId: departmentId(0),
      requestedAt: new Date().toISOString(),
      decidedBy: undefined,
      decidedByName: undefined,
      decidedAt: undefined,
      comment: undefined,
    });
  }
  const manager = people.find((person, index) => sectionOf(index) === 0 && person.jobLevel === 'manager' && index < leaverFrom)!;
  console.log(
    `seeded ${STAFF} staff in ${SECTIONS} 課 (${moved.length} transfers, ${LEAVERS} leavers, ${STAFF * 3} history rows, ${section0.length} pending requests) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { manager };
}

async function timed(label: string, employeeId: string, path: string, summary: (body: unknown) => string) {
  const { accessToken } = await app.devIdentity!.issueToken({ oid: employeeId, name: 'bench' });
  for (const run of ['cold', 'warm', 'warm']) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const body = (await response.json()) as unknown;
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    console.log(`${label.padEnd(30)} ${run.padEnd(5)} ${seconds.toFixed(2).padStart(7)} s   ${summary(body)}   peak RSS ${mb(process.resourceUsage().maxRSS)}`);
  }
}

try {
  console.log(`スキル推移 bench — node ${process.version}, in-memory Azurite in this process, ${STAFF} staff`);
  const { manager } = await seed();
  type Trend = { years: { fiscalYear: number; ward: { people: number }; departments: unknown[] }[] };
  await timed('ward trend (admin)', ADMIN, '/api/tab/admin/skills/trend', (body) =>
    (body as Trend).years.map((year) => `${year.fiscalYear}: ${year.ward.people} staff`).join(', ') + `, ${(body as Trend).years[0]?.departments.length ?? 0} 課`,
  );
  type DepartmentTrend = { years: { fiscalYear: number; distribution: { people: number } }[] };
  await timed('課 trend (課1, admin)', ADMIN, `/api/tab/department/skills/trend?departmentId=${departmentId(0)}`, (body) =>
    (body as DepartmentTrend).years.map((year) => `${year.fiscalYear}: ${year.distribution.people}`).join(', '),
  );
  // What the trends read besides the histories, one by one.
  for (const [label, read] of [
    ['employees (everyone)', () => r.employees.listEveryone()],
    ['staff directory (every record)', () => r.staffDirectory.listStaff()],
    ['transfers (every one)', () => r.staffDirectory.listAllTransfers()],
  ] as const) {
    const readStarted = performance.now();
    const rows = await read();
    console.log(`read ${label.padEnd(31)} ${((performance.now() - readStarted) / 1000).toFixed(2).padStart(7)} s   ${rows.length} rows`);
  }
  // The two ways of reading everyone's history, side by side (the ward trend uses the scan from 300 people on).
  const everyone = await r.employees.listEveryone();
  let started = performance.now();
  const scanned = await r.skillAssessments.listAllHistories();
  console.log(`history read: one scan             ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s   ${scanned.size} people   peak RSS ${mb(process.resourceUsage().maxRSS)}`);
  started = performance.now();
  const perPerson = new PQueue({ concurrency: 16 });
  await perPerson.addAll(everyone.map((person) => () => r.skillAssessments.history(person.id)));
  console.log(`history read: per person (16 at once) ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s   ${everyone.length} people   peak RSS ${mb(process.resourceUsage().maxRSS)}`);
  await timed('confirmer queue (管理職 of 課1)', manager.id, '/api/tab/skills/confirmations', (body) => `${(body as { items: unknown[] }).items.length} items`);
} finally {
  await app.stop();
  await azurite.stop();
}
