import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints source text as if it lived at the given path, so the fence is proved without writing bad files.
async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbiddenInDomain = [
  "import { CloudAdapter } from 'botbuilder';",
  "import type { Server } from 'restify';",
  "import { TableClient } from '@azure/data-tables';",
  "import { createTableStorage } from '../storage/table-storage.js';",
  "import { createTableStorage } from '../../../kernel/storage/table-storage.js';",
  "import { okCard } from '../cards/ok-card.js';",
  "import { route } from '../../../kernel/teams/router.js';",
  "import { createHttpServer } from '../../../kernel/http/server.js';",
  "import { createSurveyFeature } from '../survey-teams.js';",
  "import { registerSurveyRoutes } from '../survey-routes.js';",
  "import { createSurveyNotifier } from '../survey-notifier.js';",
  "import { startApp } from '../../../app.js';",
];

describe('the import fence around domain/', () => {
  for (const line of forbiddenInDomain) {
    it(`when a feature's domain file has \`${line}\`, then lint fails`, async () => {
      expect(await restrictedImports('bot/src/features/survey/domain/survey-rules.ts', `${line}\nexport {};\n`)).toHaveLength(1);
    });
  }

  it('when a domain file two folders deep imports storage, then lint fails there too', async () => {
    const source = "import { createTableStorage } from '../../storage/table-storage.js';\nexport {};\n";
    expect(await restrictedImports('bot/src/kernel/domain/catalog/x.ts', source)).toHaveLength(1);
  });

  it('when a domain file imports its own domain and the kernel domain, then lint passes', async () => {
    const source = [
      "import { AppError } from '../../../kernel/domain/errors.js';",
      "import { surveyIndicators } from '../../../kernel/domain/catalog/survey-indicators.js';",
      "import { openRound } from './survey-rounds.js';",
      'export {};',
    ].join('\n');
    expect(await restrictedImports('bot/src/features/survey/domain/survey-rules.ts', source)).toEqual([]);
  });
});

describe('the import fences around kernel/, delivery/ and botbuilder', () => {
  const cases: [file: string, line: string][] = [
    ['bot/src/kernel/teams/dx-navi-bot.ts', "import { createSurveyModule } from '../../features/survey/index.js';"],
    ['bot/src/kernel/http/tab-routes.ts', "import { startApp } from '../../app.js';"],
    ['bot/src/kernel/storage/keys.ts', "import { createDeliveryEngine } from '../../delivery/delivery-engine.js';"],
    ['bot/src/delivery/delivery-engine.ts', "import { buildSurveyCard } from '../features/survey/cards/survey-card.js';"],
    ['bot/src/delivery/delivery-worker.ts', "import { createBotAdapter } from '../kernel/teams/adapter.js';"],
    ['bot/src/delivery/delivery-worker.ts', "import { MessageFactory } from 'botbuilder';"],
    ['bot/src/features/survey/survey-routes.ts', "import { MessageFactory } from 'botbuilder';"],
    ['bot/src/features/survey/survey-notifier.ts', "import { TurnContext } from 'botbuilder';"],
  ];
  for (const [file, line] of cases) {
    it(`when ${file} has \`${line}\`, then lint fails`, async () => {
      expect(await restrictedImports(file, `${line}\nexport {};\n`)).toHaveLength(1);
    });
  }

  it('when a feature\'s -teams.ts file or kernel/teams imports botbuilder, then lint passes', async () => {
    const source = "import { MessageFactory } from 'botbuilder';\nexport {};\n";
    expect(await restrictedImports('bot/src/features/survey/survey-teams.ts', source)).toEqual([]);
    expect(await restrictedImports('bot/src/kernel/teams/adapter.ts', source)).toEqual([]);
  });
});
