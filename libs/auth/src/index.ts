export * from './access.decorators';
export * from './auth.model';
export * from './auth.service';
export * from './auth.module';
export * from './token.service';
export * from './password.service';
export * from './login-limiter';
