// Launches Debian's chromium headless through playwright-core (no browser download) and serves
// the app on an ephemeral loopback port. Without /usr/bin/chromium the browser tests skip with a
// message, except under CI=true, where they must run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can (or must: CI). */
export function skipReason(): string | null {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return null;
  return `browser tests skipped: ${CHROMIUM} not found (install with scripts/ensure-chromium.sh; under CI=true they run)`;
}

/** A fresh profile each time (playwright passes it to chromium as --user-data-dir). */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
