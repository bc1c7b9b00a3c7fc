import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';

/**
 * With SKILLPATH_SCREENS_DIR set, browser tests save a full-page picture of each screen they check,
 * so a person can look at every state (errors included) at phone and desktop size.
 */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.SKILLPATH_SCREENS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
