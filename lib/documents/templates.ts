/** Starter schemas offered by "New from template". The `.prisma` files in `prisma/` are the source of truth. */
export interface DocumentTemplate {
  id: 'blog' | 'ecommerce' | 'saas';
  name: string;
  description: string;
  /** Path of the Prisma schema, relative to the repository root. */
  file: string;
}

export type TemplateId = DocumentTemplate['id'];

export const TEMPLATES: readonly DocumentTemplate[] = [
  {
    id: 'blog',
    name: 'Blog',
    description: 'Users with profiles, posts in categories (many-to-many), comments and a role enum.',
    file: 'prisma/blog.prisma',
  },
  {
    id: 'ecommerce',
    name: 'E-commerce',
    description: 'Customers, addresses, a category tree, products with variants, carts, orders, payments, shipments and reviews.',
    file: 'prisma/ecommerce.prisma',
  },
  {
    id: 'saas',
    name: 'Multi-tenant SaaS',
    description: 'Organizations, users and memberships with roles, projects, invitations, billing, API keys and an audit log, scoped per tenant.',
    file: 'prisma/saas.prisma',
  },
];
