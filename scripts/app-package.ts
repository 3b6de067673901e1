import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';

export const APP_PACKAGE_DIR = resolve(import.meta.dirname, '../appPackage');
export const TEMPLATED_FILES = ['manifest.json', 'en-us.json'] as const;
export const BINARY_FILES = ['color.png', 'outline.png'] as const;

/** Reads a Teams Toolkit env file (KEY=value lines, # comments). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) values[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return values;
}

/** Replaces ${{VAR}} as Teams Toolkit does; throws naming every variable that has no value. */
export function fillPlaceholders(template: string, values: Record<string, string | undefined>): string {
  const missing = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    // An empty suffix is a real value; every other placeholder needs one.
    if (value === undefined || (value === '' && name !== 'APP_NAME_SUFFIX')) {
      missing.add(name);
      return '';
    }
    return value;
  });
  if (missing.size > 0) throw new Error(`No value for ${[...missing].join(', ')} (set them in the env file)`);
  return filled;
}

/** The Teams app package: manifest, localisation and icons at the zip root. */
export function buildAppPackage(values: Record<string, string | undefined>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const name of TEMPLATED_FILES) files[name] = strToU8(fillPlaceholders(readFileSync(resolve(APP_PACKAGE_DIR, name), 'utf8'), values));
  for (const name of BINARY_FILES) files[name] = readFileSync(resolve(APP_PACKAGE_DIR, name));
  return zipSync(files);
}
