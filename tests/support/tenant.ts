/** The Entra tenant of every test and benchmark identity (no vitest import: scripts use it too). */
export const TEST_TENANT_ID = '00000000-0000-4000-8000-000000000001';
