import { credentialPage, wantsHtml } from './credential-page';
import type { CredentialCheck } from './credentials.service';

const credential = {
  issuer: { name: 'Skillpath' },
  validFrom: '2026-03-02T10:00:00.000Z',
  credentialSubject: {
    name: 'Sam <script>alert(1)</script>',
    achievement: {
      name: 'Data Skills Bootcamp',
      description: 'Completed Data Skills Bootcamp.',
      criteria: { narrative: 'Completion recorded by the training provider and confirmed by the learner.' },
      alignment: [{ targetName: 'SQL' }, { targetName: 'Spreadsheets' }],
      endorsement: [
        { credentialSubject: { endorsementComment: 'Acme Ltd vouches that this course teaches SQL.' } },
      ],
    },
  },
};
const valid: CredentialCheck = {
  valid: true,
  signatureValid: true,
  revoked: false,
  expired: false,
  reason: 'Valid: issued by Skillpath, unaltered, not revoked and not expired.',
  credentialId: 'c1',
  credential,
};

describe('the human verification page', () => {
  it('is chosen for browsers, never for software or ?format=json', () => {
    expect(wantsHtml('text/html,application/xhtml+xml,*/*;q=0.8', undefined)).toBe(true);
    expect(wantsHtml('text/html', 'json')).toBe(false);
    expect(wantsHtml('*/*', undefined)).toBe(false);
    expect(wantsHtml('application/json', undefined)).toBe(false);
    expect(wantsHtml(undefined, undefined)).toBe(false);
    expect(wantsHtml(undefined, 'html')).toBe(true);
  });

  it('says the credential is genuine, what it proves and when, escaping what the learner typed', () => {
    const html = credentialPage(valid, 'https://x.org/credentials/c1/verify?format=json');
    expect(html).toContain('<h1>This credential is genuine</h1>');
    expect(html).toContain('<dd>Data Skills Bootcamp</dd>');
    expect(html).toContain('<dd>2 March 2026</dd>');
    expect(html).toContain('<li>SQL</li><li>Spreadsheets</li>');
    expect(html).toContain('Acme Ltd vouches that this course teaches SQL.');
    expect(html).toContain('Sam &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://x.org/credentials/c1/verify?format=json"');
  });

  it('says plainly when a credential was withdrawn, expired or cannot be confirmed', () => {
    expect(credentialPage({ ...valid, valid: false, revoked: true, reason: 'Revoked: x.' }, 'u')).toContain(
      '<h1>This credential has been withdrawn</h1>',
    );
    expect(credentialPage({ ...valid, valid: false, expired: true }, 'u')).toContain(
      '<h1>This credential has expired</h1>',
    );
    const forged = credentialPage(
      {
        ...valid,
        valid: false,
        signatureValid: false,
        credential: null,
        reason: 'No credential has that id.',
      },
      'u',
    );
    expect(forged).toContain('<h1>We cannot confirm this credential</h1>');
    expect(forged).not.toContain('What it proves');
  });
});
