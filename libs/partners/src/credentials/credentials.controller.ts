import { Controller, Get, Header, Headers, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { credentialPage, wantsHtml } from './credential-page';
import { CredentialCheck, CredentialsService } from './credentials.service';

/** Public REST endpoints for verifiers who hold only a link: no login, nothing about the learner beyond the badge. */
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  /** The issuer's profile with its public key, so anyone can check signatures themselves. */
  @Get('issuer')
  issuer(): Record<string, unknown> {
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: this.credentials.issuerId,
      type: ['Profile'],
      name: 'Skillpath',
      publicKey: { id: this.credentials.signer.keyId, ...this.credentials.signer.publicJwk },
    };
  }

  /** The W3C Bitstring Status List credential (a VC-JWT) every credential's `credentialStatus` points to. */
  @Get('status/1')
  @Header('Content-Type', 'application/vc+jwt')
  @Header('Cache-Control', 'max-age=60')
  statusList(): Promise<string> {
    return this.credentials.statusListCredential();
  }

  /**
   * The link a learner shares. A person (a browser asking for HTML) gets a page that says whether the
   * credential is genuine and what it proves; software gets the same check as JSON (its Accept header,
   * or ?format=json).
   */
  @Get(':id/verify')
  async verify(
    @Param('id') id: string,
    @Headers('accept') accept: string | undefined,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CredentialCheck | string> {
    const check = await this.credentials.verify({ id });
    res.vary('Accept');
    if (!wantsHtml(accept, format)) return check;
    res.type('html');
    if (!check.signatureValid) res.status(404);
    return credentialPage(
      check,
      `${this.credentials.credentialUrl(encodeURIComponent(id))}/verify?format=json`,
    );
  }

  /** The credential as issued (the signed JWS), for a verifier to check independently. */
  @Get(':id')
  async get(@Param('id') id: string): Promise<{ id: string; jws: string }> {
    const check = await this.credentials.verify({ id });
    if (!check.signatureValid || !check.credentialId)
      throw new NotFoundException('No credential has that id.');
    const jws = await this.credentials.jwsOf(check.credentialId);
    return { id: check.credentialId, jws };
  }
}
