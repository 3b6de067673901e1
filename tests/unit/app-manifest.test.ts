import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMAND_LABELS } from '../../bot/src/kernel/cards/messages.js';
import { APP_PACKAGE_DIR, buildAppPackage, fillPlaceholders } from '../../scripts/app-package.js';

// The official Teams JSON schemas ship inside npm @microsoft/app-manifest: validation needs no network.
const schemaDir = resolve(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams/v1.30');
const loadSchema = (name: string) => JSON.parse(readFileSync(resolve(schemaDir, name), 'utf8')) as object;

const SAMPLE_ENV = {
  TEAMS_APP_ID: '3f2b8a51-7c4e-4d2a-9b61-0e5c8f7a1d23',
  BOT_ID: '8d1e6f2a-4b3c-4e5d-9a7f-1c2b3d4e5f60',
  AAD_APP_CLIENT_ID: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  TAB_DOMAIN: 'dxnavi-dev.azurewebsites.net',
  TAB_ENDPOINT: 'https://dxnavi-dev.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

const filled = (file: string) => JSON.parse(fillPlaceholders(readFileSync(resolve(APP_PACKAGE_DIR, file), 'utf8'), SAMPLE_ENV)) as Record<string, unknown>;

/** The manifest through the library's own validator, which loads the schema its $schema names from the package. */
const validateManifest = (manifest: Record<string, unknown>) => AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);

function validateLocalisation(schemaName: string, document: unknown): string[] {
  // AppManifestUtils compiles with the u flag, under which the localisation schema's patterns do not compile
  // ("Lone quantifier brackets"), so this one schema goes through ajv directly.
  // Both are CommonJS packages whose class and function are their `default` export.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const check = ajv.compile(loadSchema(schemaName));
  return check(document) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

function pngSize(file: string): [number, number] {
  const bytes = readFileSync(resolve(APP_PACKAGE_DIR, file));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('Teams app package', () => {
  it('when the manifest is filled for an environment, then it validates against the official v1.30 schema', async () => {
    expect(filled('manifest.json').manifestVersion).toBe('1.30');
    expect(await validateManifest(filled('manifest.json'))).toEqual([]);
  });

  it('when the English localisation is filled, then it validates against the localisation schema', () => {
    expect(validateLocalisation('MicrosoftTeams.Localization.schema.json', filled('en-us.json'))).toEqual([]);
  });

  it('when the manifest is broken, then the schema check reports it (the check can fail)', async () => {
    const broken = { ...filled('manifest.json'), accentColor: 'blue', bots: [{ botId: 'x' }] };
    expect((await validateManifest(broken)).length).toBeGreaterThan(0);
  });

  it('when a placeholder has no value, then packaging fails naming it', () => {
    expect(() => fillPlaceholders('{"id":"${{TEAMS_APP_ID}}","bot":"${{BOT_ID}}"}', { TEAMS_APP_ID: 'x' })).toThrow('No value for BOT_ID');
  });

  it('when the personal command list is read, then it is the bot menu in Japanese with English twins', () => {
    const manifest = filled('manifest.json') as { bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[] };
    const personal = manifest.bots[0]!.commandLists.find((list) => list.scopes.includes('personal'))!;
    expect(personal.commands.map((command) => command.title)).toEqual(COMMAND_IDS.map((id) => COMMAND_LABELS[id].ja));
    const english = filled('en-us.json');
    COMMAND_IDS.forEach((id, index) => expect(english[`bots[0].commandLists[0].commands[${index}].title`]).toBe(COMMAND_LABELS[id].en));
  });

  it('when the icons are read, then the colour icon is 192×192 and the outline icon 32×32', () => {
    expect(pngSize('color.png')).toEqual([192, 192]);
    expect(pngSize('outline.png')).toEqual([32, 32]);
  });

  it('when the package is built, then the zip holds exactly the manifest, localisation and icons at its root', () => {
    const entries = unzipSync(buildAppPackage(SAMPLE_ENV));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(strFromU8(entries['manifest.json']!)).id).toBe(SAMPLE_ENV.TEAMS_APP_ID);
  });
});
