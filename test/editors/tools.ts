import { spawnSync } from 'child_process';

/**
 * Whether an editor or tool the test drives is installed. Developers without it get a skip with the reason;
 * in CI (CI=true) .ci/run installs it, so there a missing tool fails the test instead of passing it unseen.
 */
export function toolOrSkip(command: string, debianPackage: string): string | false {
  const found = spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined;
  if (found) return false;
  if (process.env.CI === 'true') throw new Error(`${command} is not installed; .ci/run must install the Debian package ${debianPackage}`);
  return `${command} is not installed (Debian package ${debianPackage}); skipped`;
}
