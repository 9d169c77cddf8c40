// Makes sure Debian's chromium is present for Playwright (browser downloads are impossible here).
// Installs it with apt-get when missing and we are root; otherwise explains what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() !== 0) {
    console.error(`${path} is missing: run 'sudo apt-get install -y chromium' and try again.`);
    process.exit(1);
  }
  console.log('Installing Debian chromium for the e2e tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit', env });
}
