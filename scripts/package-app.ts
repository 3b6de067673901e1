import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_PACKAGE_DIR, buildAppPackage, parseEnvFile } from './app-package.js';

/** `npm run package:app [-- env]`: writes appPackage/build/appPackage.<env>.zip from env/.env.<env>. */
const environment = process.argv[2] ?? 'local';
try {
  const values = { ...parseEnvFile(readFileSync(resolve(import.meta.dirname, `../env/.env.${environment}`), 'utf8')), ...process.env };
  const zip = buildAppPackage(values);
  mkdirSync(resolve(APP_PACKAGE_DIR, 'build'), { recursive: true });
  const target = resolve(APP_PACKAGE_DIR, 'build', `appPackage.${environment}.zip`);
  writeFileSync(target, zip);
  console.log(`wrote ${target}`);
} catch (error) {
  console.error(`Could not build the Teams app package for "${environment}": ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
