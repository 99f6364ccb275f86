/**
 * How long an account must wait after `failures` consecutive failed sign-ins: free for the first
 * three, then doubling from 2 s up to 5 minutes.
 */
export function signInDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2000 * 2 ** (failures - 3), 300_000);
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
