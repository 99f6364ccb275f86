import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A stray lockfile in a parent folder must not move Turbopack's workspace root (STACK.md #10).
  turbopack: { root },
  poweredByHeader: false,
};

export default nextConfig;
