import { toErrorDto, type ErrorDto } from './errors';

/** How every call's outcome crosses a boundary, so the error code survives. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDto };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(error: unknown): Result<never> {
  return { ok: false, error: toErrorDto(error) };
}
