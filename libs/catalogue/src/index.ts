export * from './expiry/expire-closed-opportunities';
