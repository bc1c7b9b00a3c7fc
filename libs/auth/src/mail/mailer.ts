import { Inject, Injectable, Logger } from '@nestjs/common';
import { appendFile, mkdir } from 'fs/promises';
import { dirname, resolve } from 'path';
import { createHmac } from 'crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig, MailConfig } from '@skillpath/config';

/** One plain-text email to one person. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends account emails; the transport is chosen by MAIL_TRANSPORT (see MailConfig). */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
  async close(): Promise<void> {}
}

/** Development: each email is one JSON line in a file, so a developer can open the link in it. */
export class OutboxMailer extends Mailer {
  constructor(
    private readonly file: string,
    private readonly from: string,
  ) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    const path = resolve(this.file);
    await mkdir(dirname(path), { recursive: true });
    await appendFile(
      path,
      JSON.stringify({ at: new Date().toISOString(), from: this.from, ...message }) + '\n',
    );
  }
}

/** Any SMTP server (a council's relay, a provider's submission port), through nodemailer. */
export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}

const base64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * GOV.UK Notify's email API (https://docs.notifications.service.gov.uk/rest-api.html): a template
 * whose subject is ((subject)) and body ((body)), and a short-lived HS256 JWT signed with the key's
 * secret, issued by its service id. Councils already have Notify accounts, so no SMTP relay is needed.
 */
export class NotifyMailer extends Mailer {
  private readonly serviceId: string;
  private readonly secret: string;

  constructor(
    apiKey: string,
    private readonly templateId: string,
    private readonly baseUrl: string,
  ) {
    super();
    // The key is "<name>-<service id (uuid)>-<secret (uuid)>"; the name may itself contain hyphens.
    this.secret = apiKey.slice(-36);
    this.serviceId = apiKey.slice(-73, -37);
  }

  private token(): string {
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
    const claims = base64url(JSON.stringify({ iss: this.serviceId, iat: Math.floor(Date.now() / 1000) }));
    const signature = createHmac('sha256', this.secret).update(`${header}.${claims}`).digest('base64url');
    return `${header}.${claims}.${signature}`;
  }

  async send(message: MailMessage): Promise<void> {
    const res = await fetch(`${this.baseUrl}/v2/notifications/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token()}` },
      body: JSON.stringify({
        email_address: message.to,
        template_id: this.templateId,
        personalisation: { subject: message.subject, body: message.text },
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      const detail = await res.text().catch(() => '');
      throw new Error(`GOV.UK Notify refused the email (HTTP ${res.status}): ${detail.slice(0, 300)}`);
    }
  }
}

export function createMailer(config: MailConfig): Mailer {
  switch (config.transport) {
    case 'smtp':
      return new SmtpMailer(config.smtpUrl, config.from);
    case 'notify':
      return new NotifyMailer(config.notifyApiKey, config.notifyTemplateId, config.notifyBaseUrl);
    case 'outbox':
      return new OutboxMailer(config.outboxFile, config.from);
  }
}

/**
 * Sends in the background: a request that triggers an email answers at once and the same way whether
 * or not an email went out, so neither its content nor its timing reveals who has an account.
 * Failures are logged for the operator.
 */
@Injectable()
export class AccountMail {
  private readonly logger = new Logger('AccountMail');
  private readonly mailer: Mailer;
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.mailer = createMailer(config.mail);
  }

  sendLater(message: MailMessage): void {
    const p = this.mailer
      .send(message)
      .catch((err: unknown) =>
        this.logger.error(
          `Could not send "${message.subject}": ${err instanceof Error ? err.message : String(err)}`,
        ),
      )
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for emails still being sent (shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
    await this.mailer.close();
  }
}
