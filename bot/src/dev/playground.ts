import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Employee } from '../kernel/domain/employee.js';

/** The Agents Playground release this repository is tested with (a devDependency, so tests run offline). */
export const PLAYGROUND_PACKAGE = '@microsoft/m365agentsplayground';

/** How many users besides the current one the Playground's config schema (0.1.1) accepts: exactly five. */
export const PLAYGROUND_OTHER_USERS = 5;

export interface PlaygroundPeople {
  /** Who types in the Playground (its current user). */
  me: Pick<Employee, 'id' | 'displayName'>;
  /** The other members it knows (TeamsInfo member lookups, group chats): its config schema takes exactly five. */
  others: Pick<Employee, 'id' | 'displayName'>[];
}

const quoted = (value: string) => JSON.stringify(value);

function person(employee: Pick<Employee, 'id' | 'displayName'>, index: number): string[] {
  const login = `demo-user-${index}@dx-navi.local`;
  // Japanese names are family name first: 大崎 健太.
  const [surname = employee.displayName, givenName = ''] = employee.displayName.split(/\s+/);
  return [
    `  id: ${quoted(`user-${employee.id}`)}`,
    `  name: ${quoted(employee.displayName)}`,
    `  givenName: ${quoted(givenName)}`,
    `  surname: ${quoted(surname)}`,
    `  userPrincipleName: ${quoted(login)}`,
    `  aadObjectId: ${quoted(employee.id)}`,
    `  email: ${quoted(login)}`,
  ];
}

/**
 * The Playground's config (.m365agentsplayground.yml, schema 0.1.1): the ward's dev tenant and roster people, so
 * the bot meets the same Entra ids as HR's demo data (their departments, roles and job levels apply). Strings are
 * written as JSON, which is valid YAML.
 */
export function playgroundConfigYaml(options: { tenantId: string; botId: string; people: PlaygroundPeople }): string {
  const { people } = options;
  if (people.others.length < PLAYGROUND_OTHER_USERS) throw new Error(`the Agents Playground needs ${PLAYGROUND_OTHER_USERS} other users`);
  return [
    '# Written by npm run playground from the demo roster; edits are overwritten.',
    'version: "0.1.1"',
    `tenantId: ${quoted(options.tenantId)}`,
    'bot:',
    `  id: ${quoted(options.botId)}`,
    '  name: "DX Navi"',
    'currentUser:',
    ...person(people.me, 0),
    'users:',
    ...people.others.slice(0, PLAYGROUND_OTHER_USERS).flatMap((other, index) => person(other, index + 1).map((line, at) => (at === 0 ? `  -${line.slice(1)}` : `  ${line}`))),
    'personalChat:',
    `  id: ${quoted(`playground-personal-${people.me.id}`)}`,
    'groupChat:',
    '  id: "playground-group-chat"',
    '  name: "DX Navi group chat"',
    'team:',
    '  id: "playground-team"',
    '  name: "デジタル推進課"',
    '  aadGroupId: "00000000-0000-4000-8000-00000000a001"',
    '  channels:',
    '    - id: "playground-desk-channel"',
    '      name: "DX相談窓口"',
    '',
  ].join('\n');
}

export interface RunningPlayground {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground against a local bot whose Bot Framework auth is off: the Playground
 * plays Teams (its own connector receives the bot's replies) on `port`, with telemetry off and no browser opened.
 * Resolves once its web UI answers.
 */
export async function startPlayground(options: {
  botEndpoint: string;
  port: number;
  workDir: string;
  tenantId: string;
  people: PlaygroundPeople;
  onOutput?: (line: string) => void;
}): Promise<RunningPlayground> {
  mkdirSync(options.workDir, { recursive: true });
  const configPath = resolve(options.workDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml({ tenantId: options.tenantId, botId: 'dx-navi-local', people: options.people }));
  const cli = resolve(dirname(createRequire(import.meta.url).resolve(`${PLAYGROUND_PACKAGE}/package.json`)), 'cli.js');
  const child = spawn(process.execPath, [cli, 'start', '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams', '--port', String(options.port), '--disable-telemetry'], {
    cwd: options.workDir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      TEAMSAPPTESTER_PORT: String(options.port),
      TEAMSAPPTESTER_LOGFILE: resolve(options.workDir, 'playground.log'),
      M365_AGENTS_PLAYGROUND_LOGFILE: resolve(options.workDir, 'playground.log'),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((wait) => setTimeout(wait, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Agents Playground exited (${child.exitCode}): ${output.slice(-5).join(' | ')}`);
    try {
      if ((await fetch(url)).ok) return { url, process: child, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the Agents Playground did not answer on ${url} within 60 s: ${output.slice(-5).join(' | ')}`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
}
