// `npm ci` when node_modules is missing or older than package-lock.json (a fresh clone, a pulled
// dependency change), else nothing: a build does not reinstall 150 MB of unchanged packages.
import { execSync } from 'node:child_process';
import { statSync } from 'node:fs';

const modified = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

if (modified('node_modules/.package-lock.json') < modified('package-lock.json')) {
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
}
