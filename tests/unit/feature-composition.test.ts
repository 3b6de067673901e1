import { describe, expect, it } from 'vitest';
import {
  collectJobs,
  composeChatRoutes,
  DuplicateRouteError,
  registerFeatureRoutes,
  type FeatureModule,
} from '../../bot/src/features/feature-module.js';
import { createHttpServer } from '../../bot/src/kernel/http/server.js';
import type { CommandHandler, InvokeHandler } from '../../bot/src/kernel/teams/route-types.js';

const noop: CommandHandler = async () => {};
const verb: InvokeHandler = async () => ({ kind: 'error', status: 400, message: 'x' });
const menu: FeatureModule = {
  name: 'menu',
  chat: {
    commands: {
      help: noop,
      'my-skills': noop,
      'find-training': noop,
      survey: noop,
      consult: noop,
      'consult-status': noop,
      'notification-settings': noop,
    },
  },
};
const httpDeps = {
  verifier: () => ({ verify: async () => ({ employeeId: 'e', tenantId: 't' }) }),
  log: console,
} as never;

describe('composing feature modules at start', () => {
  it('when two features claim the same Action.Execute verb, then composing fails naming both', () => {
    const modules: FeatureModule[] = [
      menu,
      { name: 'survey', chat: { invokeRoutes: { 'survey.open': verb } } },
      { name: 'news', chat: { invokeRoutes: { 'survey.open': verb } } },
    ];
    expect(() => composeChatRoutes(modules)).toThrow(DuplicateRouteError);
    expect(() => composeChatRoutes(modules)).toThrow(/survey\.open.*survey and news/);
  });

  it('when two features claim the same typed phrase or menu command, then composing fails', () => {
    expect(() =>
      composeChatRoutes([
        menu,
        { name: 'a', chat: { textRoutes: { news: noop } } },
        { name: 'b', chat: { textRoutes: { news: noop } } },
      ]),
    ).toThrow(DuplicateRouteError);
    expect(() => composeChatRoutes([menu, { name: 'survey', chat: { commands: { survey: noop } } }])).toThrow(
      /chat command "survey"/,
    );
  });

  it('when two features both answer free text, then composing fails', () => {
    const free = async () => true;
    expect(() =>
      composeChatRoutes([menu, { name: 'a', chat: { freeText: free } }, { name: 'b', chat: { freeText: free } }]),
    ).toThrow(DuplicateRouteError);
  });

  it('when a menu command has no handler, then composing fails', () => {
    expect(() => composeChatRoutes([{ name: 'kernel', chat: { commands: { help: noop } } }])).toThrow(/my-skills/);
  });

  it("when every verb is claimed once, then the tables hold each feature's handlers", () => {
    const composed = composeChatRoutes([
      menu,
      { name: 'a', chat: { invokeRoutes: { one: verb } } },
      { name: 'b', chat: { invokeRoutes: { two: verb } } },
    ]);
    expect(Object.keys(composed.invokeRoutes)).toEqual(['one', 'two']);
    expect(composed.freeText).toBeUndefined();
  });

  it('when two features register the same HTTP method and path, then registering fails', () => {
    const server = createHttpServer({ allowedOrigins: [], readiness: async () => ({ ready: true, checks: {} }) });
    const route = (name: string): FeatureModule => ({
      name,
      registerRoutes: (s) => void s.get('/api/tab/same', async (_req, res) => res.send(200)),
    });
    expect(() => registerFeatureRoutes(server, [route('skills'), route('training')], httpDeps)).toThrow(
      /GET \/api\/tab\/same.*skills and training/,
    );
    server.close();
  });

  it('when two features schedule jobs with one name, then collecting them fails', () => {
    const job = { name: 'reminders', pattern: '* * * * *', run: async () => {} };
    expect(() =>
      collectJobs([
        { name: 'survey', jobs: [job] },
        { name: 'news', jobs: [job] },
      ]),
    ).toThrow(DuplicateRouteError);
  });
});
