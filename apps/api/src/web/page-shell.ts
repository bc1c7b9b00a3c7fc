/**
 * What a phone on a slow link shows before the app's script arrives: the header, the page's heading
 * and its first action, as plain HTML inside #root (React replaces it when it starts). Its few styles
 * are inline, so nothing but the HTML itself stands between the request and the first paint; the
 * app's stylesheet no longer blocks rendering (it arrives long before the script that needs it).
 */
interface Shell {
  heading: string;
  body: string;
}

const link = (href: string, text: string, secondary = false) =>
  `<a href="${href}" class="button${secondary ? ' button--secondary' : ''}">${text}</a>`;

const SHELLS: Record<string, Shell> = {
  '/': {
    heading: 'Find your way to a job you want',
    body:
      '<p class="lead">Tell us what you can do. We will show you the jobs near you that are within reach, and a step-by-step plan of free or low-cost courses to get there.</p>' +
      `<p class="actions">${link('/signup', 'Get started')} ${link('/login', 'Log in', true)}</p>`,
  },
  '/login': { heading: 'Log in', body: '<p class="shell-wait">Loading the log-in form…</p>' },
  '/signup': { heading: 'Create your account', body: '<p class="shell-wait">Loading the form…</p>' },
  '/forgot-password': { heading: 'Reset your password', body: '<p class="shell-wait">Loading…</p>' },
  '/roadmap': { heading: 'Your roadmap', body: '<p class="shell-wait">Loading your roadmap…</p>' },
  '/roles': { heading: 'Jobs within reach', body: '<p class="shell-wait">Finding jobs that fit you…</p>' },
  '/skills': { heading: 'Your skills', body: '<p class="shell-wait">Loading your skills…</p>' },
  '/partnership': { heading: 'Your partnership', body: '<p class="shell-wait">Loading your cohorts…</p>' },
  '/employer': { heading: 'Your jobs and courses', body: '<p class="shell-wait">Loading…</p>' },
  '/provider': { heading: 'Your courses', body: '<p class="shell-wait">Loading…</p>' },
};

/** Just enough of styles.css for the shell to look like the app, inlined in <head>. */
export const SHELL_CSS =
  '#root>.shell{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1f;line-height:1.5;margin:0}' +
  '.shell-header{background:#0b3d91;color:#fff;padding:.5rem 1rem;min-height:44px;display:flex;align-items:center}' +
  '.shell-header a{color:#fff;font-weight:800;font-size:1.25rem;text-decoration:none}' +
  '.shell main{max-width:72rem;margin:0 auto;padding:1rem}' +
  '.shell h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}' +
  '.shell .lead{font-size:1.125rem}' +
  '.shell .button{display:inline-block;background:#0b3d91;color:#fff;padding:.6rem 1.1rem;min-height:44px;box-sizing:border-box;font-weight:700;text-decoration:none;border:2px solid #0b3d91;margin:0 .5rem .5rem 0}' +
  '.shell .button--secondary{background:#fff;color:#0b3d91}' +
  '.shell-wait{color:#4a4f57}';

export function shellFor(path: string): string {
  const shell = SHELLS[path.replace(/\/+$/, '') || '/'];
  const main = shell
    ? `<h1>${shell.heading}</h1>${shell.body}`
    : '<p class="shell-wait">Loading Skillpath…</p>';
  return `<div class="shell"><header class="shell-header"><a href="/">Skillpath</a></header><main>${main}</main></div>`;
}

/**
 * The one inline event handler the app's HTML carries: it turns the preloaded stylesheet into a
 * stylesheet. The content security policy allows exactly this handler by its hash ('unsafe-hashes'),
 * and no other inline script.
 */
export const STYLESHEET_ONLOAD = "this.onload=null;this.rel='stylesheet'";

/**
 * Pages whose code the app loads on demand (React.lazy in apps/web/src/app.tsx), by the source module
 * that the build's manifest names. Left alone, a phone fetches such a chunk only after the main script
 * has arrived and run: one more round trip, two seconds on Slow 3G. Their HTML names the chunks up front.
 */
export const LAZY_PAGE_MODULES: Record<string, string> = {
  '/partnership': 'src/partners/partnership-page.tsx',
  '/employer': 'src/partners/employer-page.tsx',
  '/provider': 'src/partners/provider-page.tsx',
};

/** The parts of Vite's build manifest (dist/.vite/manifest.json) used here. */
export type BuildManifest = Record<string, { file: string; imports?: string[] }>;

/** Files a page's lazily loaded module needs (itself and what it imports), beyond what the entry loads. */
export function lazyChunksFor(manifest: BuildManifest | undefined, path: string): string[] {
  const module = LAZY_PAGE_MODULES[path.replace(/\/+$/, '') || '/'];
  if (!manifest || !module || !manifest[module]) return [];
  const loaded = new Set<string>();
  const visit = (key: string) => {
    if (loaded.has(key) || !manifest[key]) return;
    loaded.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  visit('index.html');
  const entryKeys = new Set(loaded);
  visit(module);
  return [...loaded].filter((k) => !entryKeys.has(k)).map((k) => `/${manifest[k].file}`);
}

/**
 * index.html with the page's shell in #root, the inline styles, the stylesheet not render-blocking,
 * and the page's lazily loaded chunks preloaded.
 */
export function withShell(indexHtml: string, path: string, preloads: readonly string[] = []): string {
  const preloadLinks = preloads
    .map((href) => `<link rel="modulepreload" crossorigin href="${href}">`)
    .join('');
  return indexHtml
    .replace('</head>', `${preloadLinks}<style>${SHELL_CSS}</style></head>`)
    .replace(
      /<link rel="stylesheet"([^>]*)>/g,
      // Loaded at once but without blocking the first paint; <noscript> keeps it for no-script visitors.
      `<link rel="preload" as="style"$1 onload="${STYLESHEET_ONLOAD}"><noscript><link rel="stylesheet"$1></noscript>`,
    )
    .replace(/<div id="root">/, `<div id="root">${shellFor(path)}`);
}
