import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';

const SIZES = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1280, height: 800 },
} as const;

/**
 * With SKILLPATH_SCREENS_DIR set, browser tests save a picture of each screen they check (or of one
 * part of it), at phone and at desktop width, so a person can look at every state, errors included.
 * The page goes back to its own size afterwards.
 */
export async function snap(page: Page, name: string, part?: Locator): Promise<void> {
  const dir = process.env.SKILLPATH_SCREENS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const own = page.viewportSize();
  try {
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      const path = join(dir, `${name}-${size}.png`);
      await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
    }
  } finally {
    if (own) await page.setViewportSize(own);
  }
}
