import type { CallTokens } from './types';

/**
 * Input checks for the scenario functions. Bad numbers throw RangeError with a
 * message that names the value and says what is wrong: these values come from
 * settings and the comparison panel, where a silent NaN would show as a price.
 */

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : `${typeof value} ${JSON.stringify(value)}`;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function requireNonNegative(value: unknown, what: string): void {
  if (!isFiniteNumber(value) || value < 0) throw new RangeError(`${what} must be a finite number of 0 or more, got ${describe(value)}`);
}

export function requireFinite(value: unknown, what: string): void {
  if (!isFiniteNumber(value)) throw new RangeError(`${what} must be a finite number, got ${describe(value)}`);
}

/** A share or rate is a fraction, not a percentage: 0.8, not 80. */
export function requireFraction(value: unknown, what: string): void {
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    throw new RangeError(`${what} must be between 0 and 1 (a fraction, e.g. 0.8 for 80%), got ${describe(value)}`);
  }
}

export function validateTokens(tokens: CallTokens): void {
  requireNonNegative(tokens.input, 'input tokens');
  requireNonNegative(tokens.output, 'output tokens');
  requireNonNegative(tokens.cacheablePrefix, 'cacheablePrefix tokens');
  // The prefix is the start of the input, so it cannot be longer than the input.
  if (tokens.cacheablePrefix > tokens.input) {
    throw new RangeError(`cacheablePrefix tokens (${tokens.cacheablePrefix}) cannot exceed input tokens (${tokens.input}): the prefix is part of the input`);
  }
}

export function requireNonEmpty(list: readonly unknown[], what: string): void {
  if (!Array.isArray(list) || list.length === 0) throw new RangeError(`${what} needs at least one model`);
}
