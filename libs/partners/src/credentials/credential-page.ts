import type { CredentialCheck } from './credentials.service';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const ukDate = (iso: unknown) => {
  const d = typeof iso === 'string' ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime())
    ? new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d)
    : null;
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** True when a request asks for a web page (a person following the link) rather than JSON. */
export function wantsHtml(accept: string | undefined, format: string | undefined): boolean {
  if (format === 'json') return false;
  if (format === 'html') return true;
  return !!accept && /\btext\/html\b/.test(accept);
}

/**
 * The verification link as a page an employer can read: whether the credential is genuine, who
 * issued it, what it proves (the course, the skills, the employer's endorsement) and when. Plain
 * server-rendered HTML with no script: it works on any phone. The same facts stay available as JSON
 * (?format=json, or Accept: application/json) for machines.
 */
export function credentialPage(check: CredentialCheck, jsonUrl: string): string {
  const vc = obj(check.credential);
  const subject = obj(vc.credentialSubject);
  const achievement = obj(subject.achievement);
  const issuer = obj(vc.issuer);
  const name = str(achievement.name) ?? 'this credential';
  const description = str(achievement.description);
  const criteria = str(obj(achievement.criteria).narrative);
  const skills = (Array.isArray(achievement.alignment) ? achievement.alignment : [])
    .map((a) => str(obj(a).targetName))
    .filter((s): s is string => !!s);
  const endorsements = (Array.isArray(achievement.endorsement) ? achievement.endorsement : [])
    .map((e) => str(obj(obj(e).credentialSubject).endorsementComment))
    .filter((s): s is string => !!s);
  const holder = str(subject.name) ?? str(obj(subject.identifier).name);
  const issued = ukDate(vc.validFrom ?? vc.issuanceDate);
  const until = ukDate(vc.validUntil);
  const verdict = check.valid
    ? { title: 'This credential is genuine', tone: 'ok' }
    : check.revoked
      ? { title: 'This credential has been withdrawn', tone: 'bad' }
      : check.expired
        ? { title: 'This credential has expired', tone: 'bad' }
        : { title: 'We cannot confirm this credential', tone: 'bad' };
  const rows: Array<[string, string | null]> = [
    ['Achievement', name],
    ['Awarded to', holder],
    ['Issued by', str(issuer.name) ?? 'Skillpath'],
    ['Issued on', issued],
    ['Valid until', until],
  ];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(verdict.title)} – Skillpath</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#0b0c0c;line-height:1.5}
header{background:#1d4f91;color:#fff;padding:.75rem 1rem;font-weight:800;font-size:1.25rem}
main{max-width:40rem;margin:0 auto;padding:1rem}
.verdict{border-left:8px solid;padding:.5rem 1rem;margin:1rem 0}
.ok{border-color:#00703c;background:#e7f4ec}.bad{border-color:#b3261e;background:#fbeceb}
dl{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}
a{color:#1d4f91}
</style>
</head>
<body>
<header>Skillpath</header>
<main>
<h1>${escape(verdict.title)}</h1>
<div class="verdict ${verdict.tone}"><p>${escape(check.reason)}</p></div>
${
  check.signatureValid
    ? `<h2>What it proves</h2>
<dl>${rows
        .filter((r): r is [string, string] => !!r[1])
        .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
        .join('')}</dl>
${description ? `<p>${escape(description)}</p>` : ''}
${criteria ? `<p>${escape(criteria)}</p>` : ''}
${skills.length ? `<h3>Skills</h3><ul>${skills.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>` : ''}
${endorsements.length ? `<h3>Endorsed by the employer</h3>${endorsements.map((e) => `<p>${escape(e)}</p>`).join('')}` : ''}`
    : ''
}
<h2>How we checked</h2>
<p>Skillpath signed this credential when the course was completed and confirmed. We checked that the signature matches, that nobody has withdrawn it, and that it has not expired.</p>
<p>For software: <a href="${escape(jsonUrl)}">the same check as JSON</a>.</p>
</main>
</body>
</html>`;
}
