/**
 * DX相談 filing under load, end to end: 200 employees at once each open the form (相談する on the FAQ card, an
 * Action.Execute invoke) and submit it (a second invoke), as Teams would post them to the real bot server over HTTP,
 * on in-memory Azurite, with a Bot Connector stand-in on 127.0.0.1 as the desk channel. Prints p50/p99 turn latency
 * and checks 200 distinct ticket numbers and 200 channel cards (which follow at Teams' pace for one conversation,
 * so the last arrives about 110 s after the first). Usage: npm run bench:consult (never fails on timing).
 */
import { performance } from 'node:perf_hooks';
import restify from 'restify';
import { startApp } from '../bot/src/app.js';
import { TEAMS_CONVERSATION_GAP_MS } from '../bot/src/delivery/domain/adaptive-pace.js';
import { CONSULTATION_VERBS } from '../bot/src/features/consultation/cards/consultation-verbs.js';
import { loadConfig } from '../bot/src/config.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { ConnectorRecorder, mountConnectorRecorder } from '../bot/src/dev/connector-recorder.js';
import { freePort } from '../bot/src/dev/ports.js';
import type { Employee } from '../bot/src/kernel/domain/employee.js';
import { close, listen } from '../bot/src/kernel/http/server.js';
import { createLogger } from '../bot/src/logger.js';
import { executeActivity, personalConversationId, postActivity } from '../tests/support/activities.js';
import { channelMention } from '../tests/support/channel-activities.js';
import { percentile } from './support/percentile.js';

const EMPLOYEES = 200;
const TENANT = '00000000-0000-4000-8000-000000000001';
const DESK = '19:bench-desk@thread.tacv2';
const employeeId = (index: number) => `00000000-0000-4000-8000-8${String(index).padStart(11, '0')}`;

const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
const connectorServer = restify.createServer({ name: 'connector-stand-in' });
connectorServer.use(restify.plugins.bodyParser({ mapParams: false }));
const recorder = new ConnectorRecorder();
mountConnectorRecorder(connectorServer, recorder);
const serviceUrl = `http://127.0.0.1:${await listen(connectorServer, 0, '127.0.0.1')}/`;
const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TENANT }), {
  storage: { connectionString: azurite.connectionString },
  log: createLogger({ silent: true }),
  tablePrefix: 'bench',
});

const userOf = (person: Employee) => ({ aadObjectId: person.id, name: person.displayName });
const post = async (body: unknown) => {
  const response = await postActivity(app.baseUrl, body);
  return { status: response.status, body: (await response.text()) || '{}' };
};
const invoke = (person: Employee, verb: string, data: unknown) =>
  post(
    executeActivity(userOf(person), serviceUrl, verb, data),
  );

try {
  console.log(`DX相談 filing bench — node ${process.version}, in-memory Azurite, ${EMPLOYEES} employees at once (open form + submit each)`);
  const people: Employee[] = Array.from({ length: EMPLOYEES + 1 }, (_, index) => ({
    id: employeeId(index),
    displayName: `職員 ${index}`,
    email: undefined,
    departmentId: `d${index % 20}`,
    jobLevel: 'general',
    roles: index === 0 ? ['employee', 'admin'] : ['employee'],
    locale: 'ja-JP',
    tenantId: TENANT,
    installedAt: undefined,
  }));
  await Promise.all(people.map((person) => app.repositories.employees.save(person)));
  const setDesk = await post(
    channelMention(userOf(people[0]!), serviceUrl, { teamId: '19:bench-team@thread.tacv2', channelId: DESK }, '相談窓口に設定'),
  );
  if (setDesk.status >= 300 || !(await app.repositories.consultationDesk.getDesk())) throw new Error('the desk channel could not be set');

  const latencies: number[] = [];
  const formLatencies: number[] = [];
  const submitLatencies: number[] = [];
  const numbers: string[] = [];
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    people.slice(1).map(async (person, index) => {
      let begin = performance.now();
      const form = await invoke(person, CONSULTATION_VERBS.openForm, { title: `kintoneの相談 ${index}` });
      formLatencies.push(performance.now() - begin);
      latencies.push(performance.now() - begin);
      // The form comes as a new message (the FAQ card stays): read it from the connector stand-in.
      const sentForm = recorder.list({ conversationId: personalConversationId(person.id) }).map((entry) => JSON.stringify(entry.activity)).join('');
      const submissionId = /"submissionId":"([0-9a-f-]+)"/.exec(sentForm)?.[1];
      if (!submissionId) return void failures.push(`form ${index}: ${form.body.slice(0, 120)}`);
      begin = performance.now();
      const submitted = await invoke(person, CONSULTATION_VERBS.submit, {
        submissionId,
        category: 'tool',
        title: `kintoneの相談 ${index}`,
        details: '申請受付をアプリにしたいです。',
        preferredContact: 'chat',
        urgency: 'medium',
      });
      submitLatencies.push(performance.now() - begin);
      latencies.push(performance.now() - begin);
      const number = /DX-\d{4}-\d{4}/.exec(submitted.body)?.[0];
      if (!number || !submitted.body.includes('相談を受け付けました')) return void failures.push(`submit ${index}: ${submitted.body.slice(0, 120)}`);
      numbers.push(number);
    }),
  );
  const turnsDone = performance.now();
  await app.consultationChannelIdle();
  const channelDone = performance.now();
  const cards = recorder.list({ conversationId: DESK }).filter((entry) => entry.kind === 'send' && /DX-\d{4}-\d{4}/.test(JSON.stringify(entry.activity)));
  const cardNumbers = new Set(cards.map((entry) => /DX-\d{4}-\d{4}/.exec(JSON.stringify(entry.activity))![0]));
  const sorted = [...latencies].sort((a, b) => a - b);
  const summary = (values: number[]) => {
    const ordered = [...values].sort((a, b) => a - b);
    return `p50 ${percentile(ordered, 50).toFixed(0)} ms, p99 ${percentile(ordered, 99).toFixed(0)} ms`;
  };
  const stored = await app.repositories.consultations.listByStatus(['new']);

  console.log(`turns:            ${latencies.length} (${EMPLOYEES} form opens + ${EMPLOYEES} submits) in ${((turnsDone - started) / 1000).toFixed(2)} s`);
  console.log(`turn latency:     p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
  console.log(`  open form:      ${summary(formLatencies)}`);
  console.log(`  submit:         ${summary(submitLatencies)}`);
  console.log(`ticket numbers:   ${new Set(numbers).size} distinct of ${numbers.length} confirmations; ${stored.length} tickets stored`);
  console.log(`channel cards:    ${cards.length} posted, ${cardNumbers.size} distinct tickets, all posted ${((channelDone - started) / 1000).toFixed(2)} s after the first turn (one per ${TEAMS_CONVERSATION_GAP_MS} ms: Teams' pace for one conversation)`);
  console.log(`failures:         ${failures.length}${failures.length ? `\n  ${failures.slice(0, 5).join('\n  ')}` : ''}`);
  const ok = new Set(numbers).size === EMPLOYEES && stored.length === EMPLOYEES && cardNumbers.size === EMPLOYEES && cards.length === EMPLOYEES;
  console.log(ok ? 'CHECK OK: 200 distinct ticket numbers and 200 channel cards' : 'CHECK FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await app.stop();
  await close(connectorServer);
  await azurite.stop();
}
