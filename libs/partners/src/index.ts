export * from './partners.module';
export * from './suppression/small-number-suppression';
export * from './credentials/credential-signer';
export * from './credentials/credentials.service';
