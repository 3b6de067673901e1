import type { Server } from 'restify';
import type { ScheduledJob } from '../delivery/job-scheduler.js';
import type { TabTokenVerifier } from '../kernel/http/tab-token-verifier.js';
import type { Logger } from '../logger.js';
import type {
  ChannelInvokeRoutes,
  ChannelTextRoutes,
  ChannelTurnScope,
  CommandHandler,
  CommandRoutes,
  FreeTextHandler,
  InvokeRoutes,
  TextRoutes,
} from '../kernel/teams/route-types.js';
import { COMMAND_IDS } from '../kernel/cards/messages.js';

/** What every feature's HTTP routes get: the tab token verifier (read after listen) and the logger. */
export interface HttpRouteDeps {
  verifier: () => TabTokenVerifier;
  log: Logger;
}

/** A feature's chat surface: its menu commands, verbs, phrases and channel handlers. */
export interface ChatRoutes {
  commands?: Partial<CommandRoutes>;
  invokeRoutes?: InvokeRoutes;
  textRoutes?: TextRoutes;
  freeText?: FreeTextHandler;
  channelTextRoutes?: ChannelTextRoutes;
  channelInvokeRoutes?: ChannelInvokeRoutes;
  channelHelp?: (scope: ChannelTurnScope) => Promise<void>;
}

/** What each features/<name>/index.ts factory returns besides its services. */
export interface FeatureModule {
  name: string;
  chat?: ChatRoutes;
  registerRoutes?: (server: Server, deps: HttpRouteDeps) => void;
  jobs?: readonly ScheduledJob[];
  /** Runs once before the server listens (e.g. seeding the policy catalog). */
  start?: () => Promise<void>;
}

/** Thrown at start when two features claim one chat verb, phrase, command, HTTP route or job name. */
export class DuplicateRouteError extends Error {
  constructor(kind: string, key: string, first: string, second: string) {
    super(`${kind} "${key}" is claimed by both ${first} and ${second}`);
    this.name = 'DuplicateRouteError';
  }
}

function mergeTables<V>(
  kind: string,
  entries: readonly (readonly [owner: string, table: Record<string, V> | undefined])[],
): Record<string, V> {
  const merged: Record<string, V> = {};
  const owners = new Map<string, string>();
  for (const [owner, table] of entries) {
    for (const [key, value] of Object.entries(table ?? {})) {
      const first = owners.get(key);
      if (first) throw new DuplicateRouteError(kind, key, first, owner);
      owners.set(key, owner);
      merged[key] = value;
    }
  }
  return merged;
}

function single<V>(kind: string, entries: readonly (readonly [owner: string, value: V | undefined])[]): V | undefined {
  const claimed = entries.filter(([, value]) => value !== undefined);
  if (claimed.length > 1) throw new DuplicateRouteError(kind, 'handler', claimed[0]![0], claimed[1]![0]);
  return claimed[0]?.[1];
}

/**
 * Merges the features' chat routes into the bot's tables. Every menu command must have exactly one handler, and a
 * verb, phrase or command claimed twice fails here, at start, instead of one silently replacing the other.
 */
export function composeChatRoutes(modules: readonly Pick<FeatureModule, 'name' | 'chat'>[]) {
  const of = <K extends keyof ChatRoutes>(key: K) => modules.map((m) => [m.name, m.chat?.[key]] as const);
  const commands = mergeTables<CommandHandler>(
    'chat command',
    of('commands') as [string, Record<string, CommandHandler> | undefined][],
  );
  const missing = COMMAND_IDS.filter((id) => !commands[id]);
  if (missing.length > 0) throw new Error(`no feature handles the menu command(s) ${missing.join(', ')}`);
  return {
    routes: commands as CommandRoutes,
    invokeRoutes: mergeTables('Action.Execute verb', of('invokeRoutes')),
    textRoutes: mergeTables('chat phrase', of('textRoutes')),
    freeText: single('free text', of('freeText')),
    channelTextRoutes: mergeTables('channel phrase', of('channelTextRoutes')),
    channelInvokeRoutes: mergeTables('channel Action.Execute verb', of('channelInvokeRoutes')),
    channelHelp: single('channel help', of('channelHelp')),
  };
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'head', 'opts']);

/**
 * Lets each feature register its HTTP routes on the server, and fails at start when two register the same method
 * and path (restify would otherwise keep whichever it matched first).
 */
export function registerFeatureRoutes(
  server: Server,
  modules: readonly Pick<FeatureModule, 'name' | 'registerRoutes'>[],
  deps: HttpRouteDeps,
): void {
  const owners = new Map<string, string>();
  for (const module of modules) {
    if (!module.registerRoutes) continue;
    const guarded = new Proxy(server, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || !ROUTE_METHODS.has(property) || typeof value !== 'function') return value;
        return (route: string | { path?: unknown }, ...handlers: unknown[]) => {
          const key = `${property.toUpperCase()} ${typeof route === 'string' ? route : String(route.path)}`;
          const first = owners.get(key);
          if (first) throw new DuplicateRouteError('HTTP route', key, first, module.name);
          owners.set(key, module.name);
          return (value as (...args: unknown[]) => unknown).call(target, route, ...handlers);
        };
      },
    });
    module.registerRoutes(guarded, deps);
  }
}

/** Every feature's scheduled jobs; two jobs with one name (their lease key) fail at start. */
export function collectJobs(modules: readonly Pick<FeatureModule, 'name' | 'jobs'>[]): ScheduledJob[] {
  const byName = mergeTables<ScheduledJob>(
    'scheduled job',
    modules.map((m) => [m.name, Object.fromEntries((m.jobs ?? []).map((job) => [job.name, job]))] as const),
  );
  return Object.values(byName);
}
