import { z } from 'zod';

const runtimeConfigSchema = z.object({
  apiBaseUrl: z.string(),
  devSignIn: z.boolean(),
  clientId: z.string(),
  tenantId: z.string(),
  botId: z.string(),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

/** The tab's settings come from the server at start-up, so one build serves every environment. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return runtimeConfigSchema.parse(await response.json());
}
