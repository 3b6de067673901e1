import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SDKS = { group: ['botbuilder*', 'restify*', '@azure/*'], message: 'domain/ is free of SDKs: put this behind a port.' };
const BOTBUILDER = {
  group: ['botbuilder*'],
  message: 'botbuilder stays in kernel/teams and the <feature>-teams.ts files, so a move to the Teams or Agents SDK is a countable set of files.',
};
const ROOMS = {
  regex: '(^|/)(storage|cards|teams|http|dev)/|(^|/)(app|config|logger)(\\.js)?$|-(teams|routes|notifier)(\\.js)?$',
  message: "domain/ imports only domain/ (its own, the kernel's, delivery's): storage, cards and transports depend on it, not the other way.",
};
const UPWARD = {
  regex: '(^|/)features/|(^|/)app(\\.js)?$',
  message: 'kernel/ and delivery/ sit below the features: a feature hands them what they need as parameters.',
};
const DELIVERY_WING = {
  regex: '(^|/)delivery/(?!domain/)',
  message: "the kernel uses only delivery's domain types; the engine is built in app.ts and passed down.",
};
const TRANSPORTS = {
  regex: '(^|/)kernel/(teams|http|cards)/',
  message: 'delivery/ sends through the ProactiveSender port; Teams, HTTP and cards stay outside it.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'tab/dist/**', '.data/**', '.artifacts/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['tab/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The fences: dependencies point inward (transports -> services -> ports <- storage), kernel/ and delivery/ sit
  // below the features, and botbuilder stays where a move to the Teams SDK or the Agents SDK can count it.
  { files: ['bot/src/**/*.ts'], ignores: ['bot/src/kernel/teams/**', 'bot/src/**/*-teams.ts'], rules: restrict(BOTBUILDER) },
  { files: ['bot/src/kernel/**/*.ts'], ignores: ['bot/src/kernel/teams/**'], rules: restrict(BOTBUILDER, UPWARD, DELIVERY_WING) },
  { files: ['bot/src/kernel/teams/**/*.ts'], rules: restrict(UPWARD, DELIVERY_WING) },
  { files: ['bot/src/delivery/**/*.ts'], rules: restrict(BOTBUILDER, UPWARD, TRANSPORTS) },
  // Every domain/ folder (kernel, delivery, each feature) holds pure rules and ports: no SDK, no other room.
  { files: ['bot/src/**/domain/**/*.ts'], rules: restrict(SDKS, ROOMS) },
  { files: ['bot/src/kernel/domain/**/*.ts'], rules: restrict(SDKS, ROOMS, UPWARD, DELIVERY_WING) },
  { files: ['bot/src/delivery/domain/**/*.ts'], rules: restrict(SDKS, ROOMS, UPWARD) },
);
