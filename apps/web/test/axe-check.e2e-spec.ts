import type { Browser } from 'playwright-core';
import { expectAccessible, launchChromium, seriousA11yViolations } from './browser';

// The accessibility gate itself must be able to fail, or every other browser test proves nothing.
describe('the accessibility check used by the browser tests', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 180_000);
  afterAll(() => browser?.close());

  it('reports an unlabelled field and unreadable text as serious or critical', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Form</h1>' +
        '<input type="text"><p style="color:#bbb;background:#fff">faint</p></main></body></html>',
    );
    const ids = (await seriousA11yViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']));
    await expect(expectAccessible(page, 'a bad page')).rejects.toThrow(/label/);
    await page.close();
  }, 120_000);

  it('passes a page that follows the rules', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Form</h1>' +
        '<label for="a">Name</label><input id="a" type="text"></main></body></html>',
    );
    await expectAccessible(page, 'a good page');
    await page.close();
  }, 120_000);
});
