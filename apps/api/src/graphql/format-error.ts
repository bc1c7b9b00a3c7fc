import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode } from '@skillpath/common';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

function httpExceptionMessage(e: HttpException): string {
  const res = e.getResponse();
  if (typeof res === 'object' && res && 'message' in res) {
    const m = (res as { message: unknown }).message;
    if (Array.isArray(m)) return m.join('; ');
    if (typeof m === 'string') return m;
  }
  return e.message;
}

/**
 * Every error leaves the API with one of the contract's codes and a message a person can act on.
 * Unexpected errors are logged in full and reported without internals.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: (err: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.details ?? {}) },
    };
  }
  if (original instanceof ThrottlerException) {
    return {
      ...base,
      message: 'Too many attempts. Please wait a minute and try again.',
      extensions: { code: ErrorCode.RATE_LIMITED },
    };
  }
  if (original instanceof HttpException) {
    const code = HTTP_STATUS_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
    return { ...base, message: httpExceptionMessage(original), extensions: { code } };
  }
  // PostgreSQL's "invalid input syntax" (an id that is not a UUID, say) that validation did not catch.
  if ((original as { code?: string } | null)?.code === '22P02') {
    return {
      ...base,
      message: 'A value is not in the right format (for example an id that is not one).',
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  const code = formatted.extensions?.code;
  // Parse and validation errors, and bad variable values, are the client's to fix.
  if (
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'BAD_USER_INPUT' ||
    code === 'OPERATION_RESOLUTION_FAILURE' ||
    code === 'PERSISTED_QUERY_NOT_FOUND'
  ) {
    return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (original instanceof GraphQLError && Object.values(ErrorCode).includes(code as ErrorCode)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  logUnexpected(original);
  return {
    ...base,
    message: 'Something went wrong on our side. Please try again in a moment.',
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
