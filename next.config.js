import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

// Pages get their policy, with a script nonce of their own, from the proxy
// (lib/http/content-security-policy.ts), which replaces this one on every page it passes. Every
// other answer (API data, the proxy's redirects and refusals, build assets) loads nothing.
const dataCsp = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A stray lockfile in a parent folder must not move Turbopack's workspace root (STACK.md #10).
  turbopack: { root },
  poweredByHeader: false,
  // Next.js gzips each answer anew; behind a proxy that compresses (and caches), HTTP_COMPRESSION=off
  // spares the app that work, which at 10,000 items costs more than the answer itself.
  compress: process.env.HTTP_COMPRESSION !== "off",
  experimental: {
    // forbidden(): a page a role does not open answers 403 (app/forbidden.tsx), not 200.
    authInterrupts: true,
    // A throwaway checkout (npm test's) builds once: writing Turbopack's cache for a next build
    // that never comes costs a core for a quarter of a minute.
    turbopackFileSystemCacheForBuild: process.env.BUILD_CACHE !== "off",
    // Next loads every route's code in the background once it listens; the first readers after a
    // restart then share the thread with it (a new server's first readiness at 10,000 items:
    // 140-390 ms with it, 105-165 ms without; the first dashboard the same either way).
    preloadEntriesOnStart: false,
    // The proxy (proxy.ts) sees every page request first and would cut a body at 10 MB.
    proxyClientMaxBodySize: "21mb",
    serverActions: {
      // Room for two evidence files at their 10 MiB limit (the action refuses a larger file in words).
      bodySizeLimit: "21mb",
      // Server actions must come from the app's own origin; behind a proxy that is PUBLIC_URL's.
      ...(process.env.PUBLIC_URL ? { allowedOrigins: [new URL(process.env.PUBLIC_URL).host] } : {}),
    },
  },
  // The app's build checks the app; `npm run check` type-checks everything, tests included. `npm
  // test` runs tsc over every project and the route types (`next typegen`) before it builds, and
  // says so with BUILD_TYPES_CHECKED=1: its build does not check the same files a second time.
  typescript: { tsconfigPath: "tsconfig.next.json", ignoreBuildErrors: process.env.BUILD_TYPES_CHECKED === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: dataCsp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Browsers keep to https for a year once they read this over https, and ignore it over
          // plain http (RFC 6797 §8.1), so a local http server is not affected. Subdomains are not
          // the tracker's to promise for.
          { key: "Strict-Transport-Security", value: "max-age=31536000" },
        ],
      },
    ];
  },
};

export default nextConfig;
