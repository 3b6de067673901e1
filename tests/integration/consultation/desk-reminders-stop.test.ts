import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../bot/src/app.js';
import { loadConfig } from '../../../bot/src/config.js';
import { createLogger } from '../../../bot/src/logger.js';
import { postActivity } from '../../support/activities.js';
import { channelMention, type TestChannel } from '../../support/channel-activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { testStaff } from '../../support/staff.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../../support/storage.js';
import { TEST_TENANT_ID } from '../../support/tenant.js';

const { employee, userOf } = testStaff(7);
const ADMIN = employee(1, '品川 デジタ', ['employee', 'admin']);
const STAFF = employee(2, '大崎 相談', ['employee']);
const DESK: TestChannel = { teamId: '19:dx-team@thread.tacv2', channelId: '19:dx-desk-stop@thread.tacv2' };
const form = (title: string) => ({
  category: 'tool',
  title,
  details: '紙の申請書を kintone で受け付けたいです。',
  preferredContact: 'chat',
  urgency: 'low',
});
const UNASSIGNED_REMINDER = '担当者が決まっていない相談があります';
const SLA_REMINDER = 'を過ぎました';

// Two instances of the app in turn on the same tables: the one that stops, and the next start.
const tablePrefix = uniqueTablePrefix();
const startInstance = () =>
  startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID }), {
    storage: { connectionString: azuriteConnectionString() },
    log: createLogger({ silent: true }),
    tablePrefix,
  });

let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
const running: RunningApp[] = [];
beforeAll(async () => {
  connector = await startConnectorStandIn();
});
afterAll(async () => {
  await Promise.all([...running.map((app) => app.stop()), connector?.stop()]);
});

const deskTexts = () =>
  connector.recorder.list({ conversationId: DESK.channelId }).map((entry) => JSON.stringify(entry.activity));

describe('desk channel reminders when the app stops before they are posted', () => {
  it('when a job claims reminders that still wait for the channel’s pace as the app stops, then their claims are given back and the next start sends each once', async () => {
    const first = await startInstance();
    running.push(first);
    await Promise.all([ADMIN, STAFF].map((person) => first.repositories.employees.save(person)));
    expect(
      (await postActivity(first.baseUrl, channelMention(userOf(ADMIN), connector.serviceUrl, DESK, '相談窓口に設定')))
        .status,
    ).toBeLessThan(300);
    // Three requests nobody takes: their desk cards go out one per gap (550 ms), so what comes after them waits.
    const filed = [];
    for (const title of ['誰も担当していない相談 1', '誰も担当していない相談 2', '誰も担当していない相談 3'])
      filed.push((await first.consultations.file(STAFF.id, form(title), undefined)).ticket);
    const later = new Date(Date.now() + 7 * 86_400_000);
    // The jobs run while the cards still drip out: each claims its reminders and queues them behind the cards.
    expect(await first.consultations.sendUnassignedReminders(later)).toBe(3);
    expect(await first.consultations.sendSlaReminders(later)).toBe(6);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    expect(deskTexts().filter((text) => text.includes(UNASSIGNED_REMINDER) || text.includes(SLA_REMINDER))).toEqual([]);
    // Not sent, so not marked sent: a claim kept would have lost every one of these reminders for good.
    for (const ticket of filed) {
      expect(await first.repositories.consultations.get(ticket.number)).toMatchObject({
        unassignedReminderAt: undefined,
        firstResponseRemindedAt: undefined,
        resolutionRemindedAt: undefined,
      });
    }

    const next = await startInstance();
    running.push(next);
    expect(await next.consultations.sendUnassignedReminders(later)).toBe(3);
    expect(await next.consultations.sendSlaReminders(later)).toBe(6);
    await next.consultationChannelIdle();
    // And only once, however often the jobs run again.
    expect(await next.consultations.sendUnassignedReminders(later)).toBe(0);
    expect(await next.consultations.sendSlaReminders(later)).toBe(0);
    const unassigned = deskTexts().filter((text) => text.includes(UNASSIGNED_REMINDER));
    expect(unassigned).toHaveLength(1);
    for (const ticket of filed) expect(unassigned[0]).toContain(ticket.number);
    for (const ticket of filed)
      expect(deskTexts().filter((text) => text.includes(SLA_REMINDER) && text.includes(ticket.number))).toHaveLength(2);
  });
});
