import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LocalStack } from '../../bot/src/dev/local-stack.js';
import { launchChromium } from './browser.js';
import { startTestLocalStack } from './local-stack.js';

/**
 * The local stack (as npm start runs it) and headless Chromium for one browser test file, started before its tests
 * and stopped after them, plus "open this page signed in as that sample employee" through the dev sign-in.
 */
export function useTabInBrowser() {
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestLocalStack(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), stack?.stop()]);
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the browser stack is used before beforeAll ran');
    return value;
  };
  return {
    get stack(): LocalStack {
      return started(stack);
    },
    get browser(): Browser {
      return started(browser);
    },
    /** A new page at `url` (the tab or the dev chat), signed in by picking `person` on the dev sign-in list; resolves once signed in. */
    async openAs(person: { id: string }, url: string, options: { width: number; height: number; locale: string }): Promise<Page> {
      const page = await started(browser).newPage({ viewport: { width: options.width, height: options.height }, locale: options.locale });
      await page.goto(url);
      const pick = page.getByTestId(`dev-identity-${person.id}`);
      await pick.click();
      // Signed in once the list has gone (the tab stores the token first): a test that reloads straight away would
      // otherwise land on the sign-in list again, with nothing refused, as the directory test once did in CI.
      await pick.waitFor({ state: 'detached' });
      return page;
    },
  };
}
