import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Schemata: visual database-schema designer',
  description: 'Design relational schemas on a canvas; import and export Prisma and SQL.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body>{children}</body>
    </html>
  );
}
