// Plain JavaScript on purpose: it must run (and say something useful) on any Node, including an old one.
import { fileURLToPath } from 'node:url';

export const REQUIRED_NODE_MAJOR = 24;

/** One line naming the Node version needed and the command that installs it, or undefined when it is fine. */
export function nodeVersionProblem(version) {
  const major = Number(String(version).replace(/^v/, '').split('.')[0]);
  if (major >= REQUIRED_NODE_MAJOR) return undefined;
  return `DX Navi needs Node ${REQUIRED_NODE_MAJOR} LTS (this is Node ${version}). Get it with: npm install -g node@${REQUIRED_NODE_MAJOR}  (or: nvm install ${REQUIRED_NODE_MAJOR})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
