export * from './partners.module';
export * from './suppression/small-number-suppression';
export * from './credentials/credential-signer';
export * from './credentials/credentials.service';
export * from './organisations/organisation-verification.cli';
export * from './organisations/organisation-evidence';
export * from './cohorts/cohort-figures';
