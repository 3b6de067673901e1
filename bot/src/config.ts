import { Cron } from 'croner';
import { z } from 'zod';
import { parseReminderDays } from './features/news/domain/training-reminders.js';

/**
 * Every environment variable the server reads, parsed once at start-up. This is the only module that touches
 * process.env; everything else receives an AppConfig.
 *
 * | variable | meaning | default |
 * | --- | --- | --- |
 * | NODE_ENV | `production` forbids the local dev identity provider and anonymous bot auth | development |
 * | HOST / PORT | where the bot server (Bot Framework endpoint + tab API) listens | 127.0.0.1 / 3978 |
 * | TAB_PORT | local tab server port (npm start only) | 53000 |
 * | TAB_ENDPOINT | the tab's origin, allowed by CORS and used in links | http://localhost:53000 |
 * | PUBLIC_BASE_URL | how the bot server is reached from a browser | http://127.0.0.1:PORT |
 * | MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppType / MicrosoftAppTenantId | Bot Framework identity; when MicrosoftAppId is empty, bot auth is OFF (local only) | empty / empty / MultiTenant / empty |
 * | TEAMS_APP_ID | Teams app id, for deep links into the personal tab | empty (links go to TAB_ENDPOINT) |
 * | AAD_APP_CLIENT_ID / AAD_APP_TENANT_ID | Entra app that issues the tab's SSO tokens; both or neither | empty (local dev sign-in) |
 * | TAB_DOMAIN | host of the tab, part of the SSO token audience api://TAB_DOMAIN/CLIENT_ID | host of TAB_ENDPOINT |
 * | TENANT_ID | the ward's Entra tenant: the bot answers activities and the tab API accepts tokens from this tenant only; any other tenant gets a refusal and nothing is stored | required in production; otherwise AAD_APP_TENANT_ID, else DEV_TENANT_ID |
 * | BOOTSTRAP_ADMIN_UPNS | comma-separated UPNs who are デジタル推進課 admins from the first sign-in (first run, before any app role is assigned) | empty |
 * | GRAPH_CLIENT_SECRET | turns on the Entra profile fill: at the tab's load, a person the roster does not cover yet gets 課, 職層 and e-mail from Microsoft Graph `/me` (on-behalf-of the tab's SSO token); keep it in Key Vault | empty (off) |
 * | GRAPH_CLIENT_ID | the Entra app that receives the tab's SSO token and exchanges it (with GRAPH_CLIENT_SECRET) | AAD_APP_CLIENT_ID |
 * | GRAPH_AUTHORITY_HOST / GRAPH_BASE_URL | https origins of the token authority and of Microsoft Graph (tests point them at a local stand-in) | https://login.microsoftonline.com / https://graph.microsoft.com |
 * | GRAPH_TIMEOUT_MS | longest the tab's first load waits for Graph; after it the tab loads without the fill | 3000 |
 * | DEV_TENANT_ID | tenant id the local dev identity provider puts in its tokens | 00000000-0000-4000-8000-000000000001 |
 * | STORAGE_CONNECTION_STRING | an Azure Storage account to use instead of the embedded Azurite | empty |
 * | STORAGE_ACCOUNT_NAME | use this account through managed identity (production) | empty |
 * | AZURITE_TABLE_PORT / AZURITE_QUEUE_PORT | embedded Azurite ports (npm start only) | 10002 / 10001 |
 * | DATA_DIR | where the embedded Azurite keeps its data | .data |
 * | DELIVERY_MESSAGES_PER_SECOND | the delivery engine's configured pace for proactive messages (Teams allows about 50/s per tenant); it sends at most 93 % of it | 30 |
 * | DELIVERY_MAX_IN_FLIGHT | sends in flight at once per instance; a crash can duplicate at most this many messages | pace × 0.2 s (10 at 50/s) |
 * | DELIVERY_QUEUE_VISIBILITY_MS | how long a work item taken by an instance stays hidden (renewed while it works); after a crash of another instance, its work returns after this | 30000 |
 * | DELIVERY_CLAIM_EXPIRY_MS | longest a recipient's send claim holds even while its instance is alive (a send that never returns) | 120000 |
 * | DELIVERY_HEARTBEAT_TIMEOUT_MS | an instance whose heartbeat (written every 2 s) stopped this long ago is dead: its claims are free | 10000 |
 * | DELIVERY_INSTANCE_ID | this bot instance's name in send claims, stable across restarts and unique per running process; a restarted instance resumes its own work at once | WEBSITE_INSTANCE_ID, else the host name |
 * | WEEKLY_DIGEST_CRON | when the weekly DX news digest goes out: a cron pattern (5 fields) in Asia/Tokyo; one digest per ISO week whatever the pattern | `0 9 * * 1` (Monday 09:00) |
 * | TRAINING_REMINDER_DAYS | days before a training session its enrolled participants are reminded, comma-separated | `7,1` |
 * | TRAINING_REMINDER_CRON | how often due training reminders are looked for (cron, Asia/Tokyo); each run is claimed once across instances | `5 * * * *` (hourly) |
 * | NEWS_CONFIRMATION_FOLLOW_UP_CRON | how often the follow-ups to staff who have not pressed 「確認しました」 are looked for (cron, Asia/Tokyo); each item's follow-up is sent once | `15 * * * *` (hourly) |
 * | DELIVERY_WORKING_HOURS | `on`: news, digests, reminders and follow-ups wait for working hours (admins set the hours, default weekdays 08:30–17:15 JST, holidays and 12/29–1/3 off); `off`: send at any hour | `on`; `off` when NODE_ENV=test (tests that need it turn it on) |
 * | APPLICATIONINSIGHTS_CONNECTION_STRING | Application Insights: requests, dependencies, traces and exceptions are exported when set (Bicep sets it) | empty (no telemetry) |
 * | SECRET_SURVEY_KEY | keys the survey's participation pseudonyms (≥32 characters, e.g. `openssl rand -base64 48`); keep it in env/.env.*.user and never change it while a round runs: that round then refuses answers (its key check no longer opens) | required in production; development/test use DEV_SURVEY_KEY, a fixed public value |
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

// 0 asks the OS for a free port (tests).
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const urlWithoutTrailingSlash = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s]+/, 'must be an absolute http(s) URL such as http://localhost:53000')
  .transform((value) => value.replace(/\/+$/, ''));

/** An https URL without a trailing slash: tokens and profile data never travel over plain http. */
const httpsOrigin = z
  .string()
  .trim()
  .regex(/^https:\/\/[^/\s]+/, 'must be an absolute https URL such as https://login.microsoftonline.com')
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * The survey key of development and test only: it is public (it is in this file), so it protects nothing and
 * production refuses to start without SECRET_SURVEY_KEY.
 */
export const DEV_SURVEY_KEY = 'dx-navi-development-only-survey-key-not-secret';
const MIN_SURVEY_KEY_LENGTH = 32;

const cronPattern = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((pattern) => {
      try {
        new Cron(pattern, { paused: true, timezone: 'Asia/Tokyo' }).stop();
        return true;
      } catch {
        return false;
      }
    }, 'must be a cron pattern such as "0 9 * * 1"');

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: port(3978),
    TAB_PORT: port(53000),
    TAB_ENDPOINT: urlWithoutTrailingSlash.default('http://localhost:53000'),
    PUBLIC_BASE_URL: urlWithoutTrailingSlash.optional(),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalString,
    TEAMS_APP_ID: optionalString,
    AAD_APP_CLIENT_ID: optionalString.pipe(guid.optional()),
    AAD_APP_TENANT_ID: optionalString.pipe(guid.optional()),
    TAB_DOMAIN: optionalString,
    DEV_TENANT_ID: guid.default('00000000-0000-4000-8000-000000000001'),
    TENANT_ID: optionalString.pipe(guid.optional()),
    BOOTSTRAP_ADMIN_UPNS: z
      .string()
      .trim()
      .default('')
      .transform((value) => value.split(',').map((upn) => upn.trim().toLowerCase()).filter((upn) => upn !== ''))
      .pipe(z.array(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be comma-separated e-mail addresses (UPNs)'))),
    GRAPH_CLIENT_ID: optionalString.pipe(z.string().max(100).optional()),
    GRAPH_CLIENT_SECRET: optionalString,
    GRAPH_AUTHORITY_HOST: httpsOrigin.default('https://login.microsoftonline.com'),
    GRAPH_BASE_URL: httpsOrigin.default('https://graph.microsoft.com'),
    GRAPH_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(3_000),
    STORAGE_CONNECTION_STRING: optionalString,
    STORAGE_ACCOUNT_NAME: optionalString,
    AZURITE_TABLE_PORT: port(10002),
    AZURITE_QUEUE_PORT: port(10001),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    DELIVERY_MESSAGES_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(30),
    DELIVERY_MAX_IN_FLIGHT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(256).optional()),
    DELIVERY_QUEUE_VISIBILITY_MS: z.coerce.number().int().min(2_000).max(600_000).default(30_000),
    DELIVERY_CLAIM_EXPIRY_MS: z.coerce.number().int().min(5_000).max(3_600_000).default(120_000),
    DELIVERY_HEARTBEAT_TIMEOUT_MS: z.coerce.number().int().min(3_000).max(600_000).default(10_000),
    DELIVERY_INSTANCE_ID: optionalString.pipe(z.string().max(200).optional()),
    WEBSITE_INSTANCE_ID: optionalString,
    WEEKLY_DIGEST_CRON: cronPattern('0 9 * * 1'),
    TRAINING_REMINDER_DAYS: z
      .string()
      .trim()
      .default('7,1')
      .transform((value, ctx) => {
        const days = parseReminderDays(value);
        if (days === undefined) {
          ctx.addIssue({ code: 'custom', message: 'must be whole days from 1 to 60, comma-separated, e.g. 7,1' });
          return z.NEVER;
        }
        return days;
      }),
    TRAINING_REMINDER_CRON: cronPattern('5 * * * *'),
    NEWS_CONFIRMATION_FOLLOW_UP_CRON: cronPattern('15 * * * *'),
    DELIVERY_WORKING_HOURS: z.enum(['on', 'off']).optional(),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString.pipe(
      z.string().regex(/(^|;)\s*(InstrumentationKey|ConnectionString)=/i, 'must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)').optional(),
    ),
    SECRET_SURVEY_KEY: optionalString.pipe(z.string().min(MIN_SURVEY_KEY_LENGTH, `must be at least ${MIN_SURVEY_KEY_LENGTH} characters`).optional()),
  })
  .superRefine((env, ctx) => {
    // App Service passes a Key Vault reference through as text when it cannot resolve it (missing role, wrong
    // name): starting with that text as the key would silently use a public value.
    if (env.SECRET_SURVEY_KEY?.startsWith('@Microsoft.KeyVault(')) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_SURVEY_KEY'],
        message: "is an unresolved Key Vault reference: give the App Service's identity the Key Vault Secrets User role on the vault and check the secret name",
      });
    }
    if (Boolean(env.AAD_APP_CLIENT_ID) !== Boolean(env.AAD_APP_TENANT_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.AAD_APP_CLIENT_ID ? 'AAD_APP_TENANT_ID' : 'AAD_APP_CLIENT_ID'],
        message: 'AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID must be set together',
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for ${env.MicrosoftAppType}` });
    }
    if (env.GRAPH_CLIENT_SECRET && !env.GRAPH_CLIENT_ID && !env.AAD_APP_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_ID'], message: 'is required with GRAPH_CLIENT_SECRET when AAD_APP_CLIENT_ID is not set (the app the tab token is issued to)' });
    }
    if (env.TENANT_ID && env.AAD_APP_TENANT_ID && env.TENANT_ID.toLowerCase() !== env.AAD_APP_TENANT_ID.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['TENANT_ID'], message: 'must be the tenant of AAD_APP_TENANT_ID (the tab app is single-tenant)' });
    }
    if (env.NODE_ENV === 'production') {
      if (!env.TENANT_ID) {
        ctx.addIssue({ code: 'custom', path: ['TENANT_ID'], message: "is required in production (the ward's tenant; others are refused)" });
      }
      if (!env.MicrosoftAppId) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required in production (bot auth)' });
      }
      if (!env.AAD_APP_CLIENT_ID) {
        ctx.addIssue({ code: 'custom', path: ['AAD_APP_CLIENT_ID'], message: 'is required in production (tab SSO)' });
      }
      if (!env.SECRET_SURVEY_KEY) {
        ctx.addIssue({ code: 'custom', path: ['SECRET_SURVEY_KEY'], message: 'is required in production (survey anonymity)' });
      }
      if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_ACCOUNT_NAME) {
        ctx.addIssue({
          code: 'custom',
          path: ['STORAGE_ACCOUNT_NAME'],
          message: 'STORAGE_ACCOUNT_NAME or STORAGE_CONNECTION_STRING is required in production',
        });
      }
    }
  });

export type StorageConfig =
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'managed-identity'; accountName: string }
  | { kind: 'embedded-azurite'; tablePort: number; queuePort: number; dataDir: string };

export type TabAuthConfig =
  | { kind: 'entra'; clientId: string; tenantId: string; audiences: string[] }
  | { kind: 'dev'; tenantId: string };

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  tabPort: number;
  tabEndpoint: string;
  /** Origin of the bot server as a browser reaches it; undefined means "derive from the bound port". */
  publicBaseUrl: string | undefined;
  teamsAppId: string | undefined;
  bot: { appId: string | undefined; appPassword: string | undefined; appType: string; appTenantId: string | undefined };
  tabAuth: TabAuthConfig;
  /** The ward's tenant: the only one whose activities and tokens are accepted. */
  tenantId: string;
  /** UPNs that are admins from their first sign-in (lower-case). */
  bootstrapAdminUpns: string[];
  /** Entra profile fill through Microsoft Graph (on-behalf-of); undefined when GRAPH_CLIENT_SECRET is not set. */
  graphProfile: { tenantId: string; clientId: string; clientSecret: string; authorityHost: string; graphBaseUrl: string; timeoutMs: number } | undefined;
  storage: StorageConfig;
  /** Application Insights connection string; undefined means no telemetry. */
  telemetryConnectionString: string | undefined;
  /** Links survey participation to answer sheets; never stored in a table. */
  surveyKey: string;
  /** The delivery engine (see delivery/delivery-engine.ts); undefined in-flight cap and instance id are derived. */
  delivery: {
    messagesPerSecond: number;
    maxInFlight: number | undefined;
    visibilityTimeoutMs: number;
    claimTtlMs: number;
    heartbeatTimeoutMs: number;
    instanceId: string | undefined;
    /** Whether broadcasts that ask for it wait for working hours (the hours themselves are an admin setting). */
    workingHours: boolean;
  };
  /** インフォメーション: the weekly digest's schedule, the training reminders and the confirmation follow-ups (cron patterns in Asia/Tokyo). */
  news: { weeklyDigestCron: string; reminderDays: number[]; reminderCron: string; confirmationFollowUpCron: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError whose message names every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const tabDomain = env.TAB_DOMAIN ?? new URL(env.TAB_ENDPOINT).host;
  const tabAuth: TabAuthConfig =
    env.AAD_APP_CLIENT_ID && env.AAD_APP_TENANT_ID
      ? {
          kind: 'entra',
          clientId: env.AAD_APP_CLIENT_ID,
          tenantId: env.AAD_APP_TENANT_ID,
          audiences: [env.AAD_APP_CLIENT_ID, `api://${tabDomain}/${env.AAD_APP_CLIENT_ID}`],
        }
      : { kind: 'dev', tenantId: env.TENANT_ID ?? env.DEV_TENANT_ID };

  const storage: StorageConfig = env.STORAGE_CONNECTION_STRING
    ? { kind: 'connection-string', connectionString: env.STORAGE_CONNECTION_STRING }
    : env.STORAGE_ACCOUNT_NAME
      ? { kind: 'managed-identity', accountName: env.STORAGE_ACCOUNT_NAME }
      : {
          kind: 'embedded-azurite',
          tablePort: env.AZURITE_TABLE_PORT,
          queuePort: env.AZURITE_QUEUE_PORT,
          dataDir: env.DATA_DIR,
        };

  return {
    environment: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    tabPort: env.TAB_PORT,
    tabEndpoint: env.TAB_ENDPOINT,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    teamsAppId: env.TEAMS_APP_ID,
    bot: {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      appType: env.MicrosoftAppType,
      appTenantId: env.MicrosoftAppTenantId,
    },
    tabAuth,
    tenantId: (env.TENANT_ID ?? tabAuth.tenantId).toLowerCase(),
    bootstrapAdminUpns: env.BOOTSTRAP_ADMIN_UPNS,
    graphProfile: env.GRAPH_CLIENT_SECRET
      ? {
          tenantId: (env.TENANT_ID ?? tabAuth.tenantId).toLowerCase(),
          // superRefine made sure one of the two is set.
          clientId: env.GRAPH_CLIENT_ID ?? env.AAD_APP_CLIENT_ID ?? '',
          clientSecret: env.GRAPH_CLIENT_SECRET,
          authorityHost: env.GRAPH_AUTHORITY_HOST,
          graphBaseUrl: env.GRAPH_BASE_URL,
          timeoutMs: env.GRAPH_TIMEOUT_MS,
        }
      : undefined,
    storage,
    telemetryConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    surveyKey: env.SECRET_SURVEY_KEY ?? DEV_SURVEY_KEY,
    delivery: {
      messagesPerSecond: env.DELIVERY_MESSAGES_PER_SECOND,
      maxInFlight: env.DELIVERY_MAX_IN_FLIGHT,
      visibilityTimeoutMs: env.DELIVERY_QUEUE_VISIBILITY_MS,
      claimTtlMs: env.DELIVERY_CLAIM_EXPIRY_MS,
      heartbeatTimeoutMs: env.DELIVERY_HEARTBEAT_TIMEOUT_MS,
      instanceId: env.DELIVERY_INSTANCE_ID ?? env.WEBSITE_INSTANCE_ID,
      // Tests run at any hour of the day; the ones about working hours turn the gate on.
      workingHours: (env.DELIVERY_WORKING_HOURS ?? (env.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
    },
    news: {
      weeklyDigestCron: env.WEEKLY_DIGEST_CRON,
      reminderDays: env.TRAINING_REMINDER_DAYS,
      reminderCron: env.TRAINING_REMINDER_CRON,
      confirmationFollowUpCron: env.NEWS_CONFIRMATION_FOLLOW_UP_CRON,
    },
  };
}

/** The connection string of an Azurite on loopback, with its well-known development account. */
export function azuriteConnectionString(tablePort: number, queuePort: number): string {
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return [
    'DefaultEndpointsProtocol=http',
    'AccountName=devstoreaccount1',
    `AccountKey=${key}`,
    `TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1`,
    `QueueEndpoint=http://127.0.0.1:${queuePort}/devstoreaccount1`,
  ].join(';');
}
