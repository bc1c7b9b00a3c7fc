export * from './access.decorators';
export * from './auth.model';
export * from './auth.service';
export { UserAccounts } from './user-accounts';
export * from './auth.module';
export * from './token.service';
export * from './password.service';
export * from './login-limiter';
export * from './account-cache';
