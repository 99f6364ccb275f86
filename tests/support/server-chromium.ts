/**
 * The Chromium processes of the app server under Playwright (Linux /proc): the webServer is a child
 * of the Playwright runner, as this worker is, so the server's Chromium are the runner's
 * descendants outside this worker's own subtree — other people's browsers on the machine are not.
 */
import fs from "node:fs";

export interface ChromiumCount {
  /** Browser processes (no --type= switch, started by a non-Chromium parent): one per launched browser. */
  browsers: number;
  /** Every Chromium process: the browser, its zygotes, GPU and utility processes, renderers. */
  total: number;
}

interface Proc {
  pid: number;
  chromium: boolean;
  browser: boolean;
}

function readProcesses(): Map<number, Proc[]> {
  const children = new Map<number, Proc[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state === "Z") continue;
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // Debian's /usr/bin/chromium is a shell script, also called "chromium", that forks subshells
      // before it execs the binary: count the binaries only, Chromium's or its headless shell's
      // (whose name the kernel cuts at 15 characters).
      const binary =
        (comm === "chromium" || comm === "chromium-headle") &&
        /\/chromium(-headless-shell)?( \(deleted\))?$/.test(fs.readlinkSync(`/proc/${entry}/exe`));
      // Chromium rewrites its argv into one space-separated string: search it, do not split it.
      const browser = binary && !fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("--type=");
      const proc = { pid: Number(entry), chromium: binary, browser };
      const list = children.get(Number(ppid)) ?? [];
      list.push(proc);
      children.set(Number(ppid), list);
    } catch {
      // The process ended while it was being read.
    }
  }
  return children;
}

export function countServerChromium(): ChromiumCount {
  const children = readProcesses();
  const count: ChromiumCount = { browsers: 0, total: 0 };
  const walk = (pid: number, underChromium: boolean) => {
    for (const p of children.get(pid) ?? []) {
      if (p.pid === process.pid) continue;
      if (p.chromium) count.total++;
      // A browser's own children look like a browser for a moment, between fork and exec.
      if (p.browser && !underChromium) count.browsers++;
      walk(p.pid, underChromium || p.chromium);
    }
  };
  walk(process.ppid, false);
  return count;
}

/** Samples the count every `everyMs` until stopped; returns the highest counts seen. */
export function watchServerChromium(everyMs = 50): { stop: () => ChromiumCount } {
  const max: ChromiumCount = { browsers: 0, total: 0 };
  const sample = () => {
    const now = countServerChromium();
    max.browsers = Math.max(max.browsers, now.browsers);
    max.total = Math.max(max.total, now.total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}
