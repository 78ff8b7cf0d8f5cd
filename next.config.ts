import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (e.g. two e2e runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WASM and data files that must not be bundled for the server.
  serverExternalPackages: ['@electric-sql/pglite', '@prisma/prisma-schema-wasm'],
};

export default nextConfig;
