import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../bot/src/app.js';
import { loadConfig } from '../../../bot/src/config.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import { createLogger } from '../../../bot/src/logger.js';
import { postActivity, textMessage } from '../../support/activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { testStaff } from '../../support/staff.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../../support/storage.js';
import { tabApi } from '../../support/tab-api.js';
import { TEST_TENANT_ID } from '../../support/tenant.js';

/**
 * The FAQ in storage on several instances (issue 18): two bot instances share one Azurite and one set of tables,
 * as two App Service instances share the storage account. An edit through one is answered by the other within a
 * minute; a restart loads the shipped entries never again, so edits survive.
 */
const { employee, userOf } = testStaff(9);
const ADMIN = employee(1, '品川 デジタ', ['employee', 'admin']);
const STAFF = employee(2, '五反田 一般', ['employee']);
const tablePrefix = uniqueTablePrefix();
/** The bound: every instance answers with an edit within a minute. A functional bound, not a speed target. */
const WITHIN_A_MINUTE_MS = 60_000;

const start = (instance: string) =>
  startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID, DELIVERY_INSTANCE_ID: instance }), {
    storage: { connectionString: azuriteConnectionString() },
    log: createLogger({ silent: true }),
    tablePrefix,
  });

let first: RunningApp;
let second: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  // Both start at once on empty storage: the shipped entries must be loaded exactly once between them.
  [first, second] = await Promise.all([start('faq-instance-1'), start('faq-instance-2')]);
  await Promise.all([ADMIN, STAFF].map((person) => first.repositories.employees.save(person)));
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop(), connector?.stop()]);
});

/** Asks `app`'s bot a question in chat and returns the text of the card it answers with. */
async function askOn(app: RunningApp, question: string): Promise<string> {
  const activity = textMessage(userOf(STAFF), connector.serviceUrl, question);
  const conversationId = activity.conversation.id;
  const before = connector.recorder.list({ conversationId }).length;
  expect((await postActivity(app.baseUrl, activity)).status).toBeLessThan(300);
  const entries = await connector.recorder.waitFor((all) => all.length > before, { conversationId });
  return JSON.stringify(entries.at(-1)!.activity);
}

async function editKintoneForm(app: RunningApp, answer: string) {
  const api = tabApi(app);
  const { entries } = (await api('GET', '/api/tab/admin/faq', ADMIN.id)).body as { entries: { id: string; version: number; question: { ja: string; en: string }; answer: { ja: string; en: string }; keywords: string[]; category: string }[] };
  const entry = entries.find((candidate) => candidate.id === 'kintone-form')!;
  const saved = await api('PUT', '/api/tab/admin/faq/kintone-form', ADMIN.id, { ...entry, answer: { ...entry.answer, ja: answer }, version: entry.version });
  expect(saved.status).toBe(200);
}

describe('the FAQ on two instances and across a restart', () => {
  it('when two instances start at once on empty storage, then the shipped entries are loaded once', async () => {
    const { entries, generation } = (await tabApi(second)('GET', '/api/tab/admin/faq', ADMIN.id)).body as { entries: unknown[]; generation: number };
    expect(entries).toHaveLength(FAQ_ENTRIES.length);
    expect(generation).toBe(1);
  });

  it('when an admin edits an entry through instance A, then instance B answers the chat with the new text within a minute', async () => {
    // B has answered before the edit, so its search index is built from the old generation.
    expect(await askOn(second, 'kintoneでアンケートを作りたい')).not.toContain('二台目の確認用回答');
    await editKintoneForm(first, 'kintoneのアンケートは二台目の確認用回答のとおりフォームで作れます。');
    const started = Date.now();
    let answered = '';
    while (Date.now() - started < WITHIN_A_MINUTE_MS) {
      answered = await askOn(second, 'kintoneでアンケートを作りたい');
      if (answered.includes('二台目の確認用回答')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(answered).toContain('二台目の確認用回答');
  });

  it('when an instance restarts after an edit, then the shipped entries are not loaded again and the edit survives in the list and in chat', async () => {
    await editKintoneForm(first, 'kintoneのアンケートは再起動後も残る回答です。');
    await first.stop();
    first = await start('faq-instance-1');
    const { entries } = (await tabApi(first)('GET', '/api/tab/admin/faq', ADMIN.id)).body as { entries: { id: string; version: number; answer: { ja: string } }[] };
    expect(entries).toHaveLength(FAQ_ENTRIES.length);
    const kintoneForm = entries.find((entry) => entry.id === 'kintone-form')!;
    expect(kintoneForm.answer.ja).toBe('kintoneのアンケートは再起動後も残る回答です。');
    expect(kintoneForm.version).toBe(3);
    expect(await askOn(first, 'kintoneでアンケートを作りたい')).toContain('再起動後も残る回答');
  });
});
