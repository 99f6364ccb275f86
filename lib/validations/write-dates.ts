import { dateStringSchema, instantStringSchema, toInstant } from "../time";

/**
 * The earliest moment a write may name. The tracker records software work: a date before 1970
 * (year 0, 0001 …) is a typo or a probe, never history, and would skew every chart and forecast.
 */
const EARLIEST_WRITE_DATE = "1970-01-01";
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const message = `must be ${EARLIEST_WRITE_DATE} or later`;
// A malformed value (NaN) already failed its format check: say that once, not twice.
const notTooEarly = (v: string) => !(toInstant(v) < EARLIEST_MS);

/** `YYYY-MM-DD` or an ISO datetime, from 1970 on: effective and measured times of new records. */
export const writeInstantSchema = instantStringSchema.refine(notTooEarly, { message });

/** `YYYY-MM-DD` from 1970 on: target dates. */
export const writeDateSchema = dateStringSchema.refine(notTooEarly, { message });
