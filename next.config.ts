import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // PGlite ships WASM and data files that must not be bundled for the server.
  serverExternalPackages: ['@electric-sql/pglite', '@prisma/prisma-schema-wasm'],
};

export default nextConfig;
