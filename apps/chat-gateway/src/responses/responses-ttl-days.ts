import { GatewayError } from '@workers-ai-gateways/core';

const DEFAULT_DAYS = 7;

/** `RESPONSES_TTL_DAYS`: days a stored response is kept, default 7; anything but a positive number is a 503. */
export function responsesTtlDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_DAYS;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) {
    throw new GatewayError(
      503,
      'configuration_error',
      `RESPONSES_TTL_DAYS must be a positive number of days, not '${value}'.`,
    );
  }
  return days;
}
