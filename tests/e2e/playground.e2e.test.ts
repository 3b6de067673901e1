import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { PLAYGROUND_OTHER_USERS, startPlayground, type RunningPlayground } from '../../bot/src/dev/playground.js';
import { freePort } from '../../bot/src/dev/ports.js';
import { screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();
const roster = demoEmployees(TEST_TENANT_ID);
const me = roster.find((person) => person.displayName === '大崎 健太')!;
let playground: RunningPlayground;

beforeAll(async () => {
  // What npm run playground starts, on a free port: the Playground plays Teams and its connector gets the replies.
  playground = await startPlayground({
    botEndpoint: `${e2e.stack.app.baseUrl}/api/messages`,
    port: await freePort(),
    workDir: resolve('.artifacts/playground'),
    tenantId: TEST_TENANT_ID,
    people: { me, others: roster.filter((person) => person.id !== me.id).slice(0, PLAYGROUND_OTHER_USERS) },
  });
}, 90_000);
afterAll(async () => {
  await playground?.stop();
});

describe('the Microsoft 365 Agents Playground as a local client (headless Chromium)', () => {
  it('when a roster employee opens the Playground, is greeted by name and signs up for training from the card, then the card shows the sign-up and the seat is theirs', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
    // The Playground installs the bot on load and always says en-US: the welcome card greets the roster name.
    await expect.poll(() => page.getByText('Welcome to DX Navi').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText(`Hello ${me.displayName}.`).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Find training' }).first().click();
    await expect.poll(() => page.getByText('Training for you').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const signUp = page.getByRole('button', { name: 'Sign up', exact: true }).first();
    await signUp.click();
    // Action.Execute: the finder card is replaced by its own next state, with the outcome on top.
    await expect.poll(() => page.getByText(/You are signed up for|is full: you are on the waitlist/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText('Your sign-up').count()).toBeGreaterThan(0);
    await screenshot(page, 'playground-training-sign-up');

    const held = await e2e.stack.app.repositories.trainingSessions.enrollmentsOf(me.id);
    expect(held.filter((enrollment) => enrollment.status === 'enrolled' || enrollment.status === 'waitlisted').length).toBeGreaterThan(0);
    await page.close();
  }, 120_000);

  it('when the employee asks what the FAQ does not cover and then files a request, then the no-match card offers 相談する and the confirmation stays after 相談状況', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(playground.url);
    await expect.poll(() => page.getByText('Welcome to DX Navi').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // The composer is a contenteditable box, as in Teams: type into it and press the send button.
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('I forgot my password');
    await page.getByRole('button', { name: 'Send Message' }).click();
    await expect.poll(() => page.getByText('No FAQ answers this').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByText('No FAQ answers this').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-faq-no-match');

    // 相談する on the no-match card: the form comes below, prefilled with the question.
    await page.getByRole('button', { name: 'Ask for help', exact: true }).last().click();
    await expect.poll(() => page.getByText('DX consultation', { exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText('No FAQ answers this').count()).toBeGreaterThan(0);
    expect(await page.getByText('Sent as a new message below.').count()).toBeGreaterThan(0);
    await page.getByLabel('Category').last().click();
    await page.getByRole('option').first().click();
    const details = page.getByLabel('Details').last();
    await details.fill('I cannot sign in to the PC after the holidays.');
    await page.getByRole('button', { name: 'Send', exact: true }).last().click();
    await expect.poll(() => page.getByText('Your request was received').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const number = /DX-\d{4}-\d{4}/.exec((await page.getByText(/Your number is DX-/).last().textContent()) ?? '')![0];

    // 相談状況 on the confirmation: the list comes as a new message; the confirmation keeps its number and details.
    await page.getByRole('button', { name: 'My requests', exact: true }).last().click();
    await expect.poll(() => page.getByText(`${number} I forgot my password`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText('Your request was received').count()).toBe(1);
    expect(await page.getByText(/Your number is DX-/).count()).toBe(1);
    await page.getByText('Your request was received').scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-confirmation-kept');
    await page.close();
  }, 120_000);
});
