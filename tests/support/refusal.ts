import { AppError } from "@/lib/errors";

/** The AppError a call throws; any other error is rethrown, and a call that returns fails the test. */
export async function refusal(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal (AppError), but the call returned");
}

/** The AppError a promise rejects with; any other error is rethrown, and a promise that resolves fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a rejection (AppError), but the promise resolved");
}
