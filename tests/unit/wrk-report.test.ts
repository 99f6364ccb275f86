import { describe, expect, it } from "vitest";
import { parseWrkReport } from "@/bench/wrk";

const REPORT = `Running 10s test @ http://127.0.0.1:3300/api/programs/synthetic-10000-1/readiness
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   227.59ms  320.58ms   1.99s    91.22%
    Req/Sec    77.43     40.34   212.00     70.89%
  Latency Distribution
     50%  119.24ms
     75%  198.38ms
     90%  413.21ms
     99%    1.65s 
  640 requests in 10.03s, 134.59MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:     63.84
Transfer/sec:     13.42MB
`;

describe("parseWrkReport", () => {
  it("reads the count, the duration, the 50th and 99th percentiles in ms, and the errors", () => {
    expect(parseWrkReport(REPORT)).toEqual({ requests: 640, seconds: 10.03, requestsPerSecond: 63.81, latencyP50Ms: 119.24, latencyP99Ms: 1650, errors: 5 });
  });

  it("reads microseconds, and a report without errors", () => {
    const quick = REPORT.replace("119.24ms", "812.00us").replace("1.65s", "9.50ms").replace(/\s+Socket errors.*\n/, "\n").replace(/\s+Non-2xx.*\n/, "\n");
    expect(parseWrkReport(quick)).toMatchObject({ latencyP50Ms: 0.81, latencyP99Ms: 9.5, errors: 0 });
  });

  it("refuses a report without its figures, saying which", () => {
    expect(() => parseWrkReport("unable to connect to 127.0.0.1:3300 Connection refused")).toThrow(/no request count/);
  });
});
