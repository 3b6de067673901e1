import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // The domain is the policy as code: every domain/ folder (kernel, delivery, each feature) holds pure rules
    // and ports. No SDK, and no other room (storage, cards, teams, http, the feature's transports, dev, app).
    files: ['bot/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder*', 'restify*', '@azure/*'], message: 'domain/ is free of SDKs: put this behind a port.' },
            {
              regex: '(^|/)(storage|cards|teams|http|dev)/|(^|/)(app|config|logger)(\\.js)?$|-(teams|routes|notifier)(\\.js)?$',
              message: 'domain/ imports only domain/ (its own, the kernel\'s, delivery\'s): storage, cards and transports depend on it, not the other way.',
            },
          ],
        },
      ],
    },
  },
);
