/**
 * The template schemas as strings, for the browser bundle. GENERATED from prisma/*.prisma by
 * `node lib/documents/gen-templates-data.mjs`; lib/documents/templates.test.ts fails on drift.
 */
import type { TemplateId } from '@/lib/documents/templates';

export const TEMPLATE_TEXTS: Record<TemplateId, string> = {
  // prisma/blog.prisma
  blog: `// Blog: authors with profiles, posts in categories, comments.

generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
}

/// What a user may do.
enum Role {
  USER
  EDITOR
  ADMIN
}

/// A registered author or reader.
model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique @db.VarChar(255)
  name      String?
  role      Role      @default(USER)
  createdAt DateTime  @default(now()) @map("created_at")
  profile   Profile?
  posts     Post[]
  comments  Comment[]
}

model Profile {
  id     Int     @id @default(autoincrement())
  /// Shown on the author page
  bio    String?
  userId Int     @unique
  user   User    @relation(fields: [userId], references: [id], onDelete: Cascade)
}

model Post {
  id         Int        @id @default(autoincrement())
  title      String
  content    String?
  published  Boolean    @default(false)
  authorId   Int
  updatedAt  DateTime   @updatedAt
  author     User       @relation(fields: [authorId], references: [id])
  categories Category[]
  comments   Comment[]

  @@index([authorId])
}

model Category {
  id    Int    @id @default(autoincrement())
  name  String @unique
  posts Post[]
}

model Comment {
  id       String @id @default(uuid()) @db.Uuid
  body     String
  postId   Int
  authorId Int
  post     Post   @relation(fields: [postId], references: [id], onDelete: Cascade)
  author   User   @relation(fields: [authorId], references: [id])
}
`,
  // prisma/ecommerce.prisma
  ecommerce: `// E-commerce: customers, catalog with variants, carts, orders, payments and reviews.

generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
}

enum AddressKind {
  SHIPPING
  BILLING

  @@map("address_kind")
}

enum ProductStatus {
  DRAFT
  ACTIVE
  ARCHIVED

  @@map("product_status")
}

enum OrderStatus {
  PENDING
  PAID
  FULFILLED
  SHIPPED
  DELIVERED
  CANCELLED
  REFUNDED

  @@map("order_status")
}

enum PaymentStatus {
  AUTHORIZED
  CAPTURED
  FAILED
  REFUNDED

  @@map("payment_status")
}

/// A shopper with an account.
model Customer {
  id        String    @id @default(uuid()) @db.Uuid
  email     String    @unique @db.VarChar(320)
  firstName String?   @map("first_name") @db.VarChar(100)
  lastName  String?   @map("last_name") @db.VarChar(100)
  phone     String?   @db.VarChar(32)
  createdAt DateTime  @default(now()) @map("created_at") @db.Timestamptz(6)
  updatedAt DateTime  @updatedAt @map("updated_at") @db.Timestamptz(6)
  addresses Address[]
  carts     Cart[]
  orders    Order[]
  reviews   Review[]

  @@map("customers")
}

model Address {
  id         String      @id @default(uuid()) @db.Uuid
  customerId String      @map("customer_id") @db.Uuid
  kind       AddressKind @default(SHIPPING)
  line1      String      @db.VarChar(200)
  line2      String?     @db.VarChar(200)
  city       String      @db.VarChar(100)
  region     String?     @db.VarChar(100)
  postalCode String      @map("postal_code") @db.VarChar(20)
  /// ISO 3166-1 alpha-2 country code.
  country    String      @db.Char(2)
  isDefault  Boolean     @default(false) @map("is_default")
  customer   Customer    @relation(fields: [customerId], references: [id], onDelete: Cascade)
  orders     Order[]

  @@index([customerId])
  @@map("addresses")
}

/// A tree of catalog categories.
model Category {
  id       String     @id @default(uuid()) @db.Uuid
  parentId String?    @map("parent_id") @db.Uuid
  name     String     @db.VarChar(120)
  slug     String     @unique @db.VarChar(140)
  parent   Category?  @relation("CategoryTree", fields: [parentId], references: [id], onDelete: SetNull)
  children Category[] @relation("CategoryTree")
  products Product[]

  @@index([parentId])
  @@map("categories")
}

model Product {
  id          String           @id @default(uuid()) @db.Uuid
  categoryId  String?          @map("category_id") @db.Uuid
  name        String           @db.VarChar(200)
  slug        String           @unique @db.VarChar(220)
  description String?
  status      ProductStatus    @default(DRAFT)
  createdAt   DateTime         @default(now()) @map("created_at") @db.Timestamptz(6)
  updatedAt   DateTime         @updatedAt @map("updated_at") @db.Timestamptz(6)
  category    Category?        @relation(fields: [categoryId], references: [id], onDelete: SetNull)
  variants    ProductVariant[]
  reviews     Review[]

  @@index([categoryId])
  @@index([status, createdAt(sort: Desc)])
  @@map("products")
}

/// A purchasable variant (size, colour) with its own SKU, price and stock.
model ProductVariant {
  id         String      @id @default(uuid()) @db.Uuid
  productId  String      @map("product_id") @db.Uuid
  sku        String      @unique @db.VarChar(64)
  title      String      @db.VarChar(120)
  /// Price in the smallest currency unit.
  priceCents Int         @map("price_cents")
  currency   String      @default("USD") @db.Char(3)
  stock      Int         @default(0)
  options    Json        @default("{}")
  product    Product     @relation(fields: [productId], references: [id], onDelete: Cascade)
  cartItems  CartItem[]
  orderItems OrderItem[]

  @@index([productId])
  @@map("product_variants")
}

model Cart {
  id         String     @id @default(uuid()) @db.Uuid
  customerId String?    @map("customer_id") @db.Uuid
  /// Anonymous carts are keyed by a session token.
  sessionId  String?    @unique @map("session_id") @db.VarChar(64)
  createdAt  DateTime   @default(now()) @map("created_at") @db.Timestamptz(6)
  updatedAt  DateTime   @updatedAt @map("updated_at") @db.Timestamptz(6)
  customer   Customer?  @relation(fields: [customerId], references: [id], onDelete: Cascade)
  items      CartItem[]

  @@index([customerId])
  @@map("carts")
}

model CartItem {
  cartId    String         @map("cart_id") @db.Uuid
  variantId String         @map("variant_id") @db.Uuid
  quantity  Int            @default(1)
  addedAt   DateTime       @default(now()) @map("added_at") @db.Timestamptz(6)
  cart      Cart           @relation(fields: [cartId], references: [id], onDelete: Cascade)
  variant   ProductVariant @relation(fields: [variantId], references: [id], onDelete: Cascade)

  @@id([cartId, variantId])
  @@index([variantId])
  @@map("cart_items")
}

model Order {
  id                String      @id @default(uuid()) @db.Uuid
  /// Human-facing order number, e.g. 100042.
  number            Int         @unique @default(autoincrement())
  customerId        String      @map("customer_id") @db.Uuid
  status            OrderStatus @default(PENDING)
  currency          String      @db.Char(3)
  subtotalCents     Int         @map("subtotal_cents")
  shippingCents     Int         @default(0) @map("shipping_cents")
  taxCents          Int         @default(0) @map("tax_cents")
  totalCents        Int         @map("total_cents")
  shippingAddressId String?     @map("shipping_address_id") @db.Uuid
  placedAt          DateTime    @default(now()) @map("placed_at") @db.Timestamptz(6)
  customer          Customer    @relation(fields: [customerId], references: [id], onDelete: Restrict)
  shippingAddress   Address?    @relation(fields: [shippingAddressId], references: [id], onDelete: SetNull)
  items             OrderItem[]
  payments          Payment[]
  shipments         Shipment[]

  @@index([customerId, placedAt(sort: Desc)])
  @@index([status])
  @@map("orders")
}

model OrderItem {
  id             String          @id @default(uuid()) @db.Uuid
  orderId        String          @map("order_id") @db.Uuid
  variantId      String?         @map("variant_id") @db.Uuid
  /// Product title and SKU as sold, kept even if the variant is deleted.
  title          String          @db.VarChar(200)
  sku            String          @db.VarChar(64)
  quantity       Int
  unitPriceCents Int             @map("unit_price_cents")
  order          Order           @relation(fields: [orderId], references: [id], onDelete: Cascade)
  variant        ProductVariant? @relation(fields: [variantId], references: [id], onDelete: SetNull)

  @@unique([orderId, sku])
  @@index([variantId])
  @@map("order_items")
}

model Payment {
  id          String        @id @default(uuid()) @db.Uuid
  orderId     String        @map("order_id") @db.Uuid
  provider    String        @db.VarChar(40)
  /// The payment provider's id for this charge.
  providerRef String        @map("provider_ref") @db.VarChar(120)
  status      PaymentStatus @default(AUTHORIZED)
  amountCents Int           @map("amount_cents")
  currency    String        @db.Char(3)
  createdAt   DateTime      @default(now()) @map("created_at") @db.Timestamptz(6)
  order       Order         @relation(fields: [orderId], references: [id], onDelete: Cascade)

  @@unique([provider, providerRef])
  @@index([orderId])
  @@map("payments")
}

model Shipment {
  id             String    @id @default(uuid()) @db.Uuid
  orderId        String    @map("order_id") @db.Uuid
  carrier        String    @db.VarChar(40)
  trackingNumber String?   @map("tracking_number") @db.VarChar(64)
  shippedAt      DateTime? @map("shipped_at") @db.Timestamptz(6)
  deliveredAt    DateTime? @map("delivered_at") @db.Timestamptz(6)
  order          Order     @relation(fields: [orderId], references: [id], onDelete: Cascade)

  @@unique([carrier, trackingNumber])
  @@index([orderId])
  @@map("shipments")
}

model Review {
  id         String   @id @default(uuid()) @db.Uuid
  productId  String   @map("product_id") @db.Uuid
  customerId String   @map("customer_id") @db.Uuid
  /// 1 to 5 stars.
  rating     Int      @db.SmallInt
  title      String?  @db.VarChar(200)
  body       String?
  createdAt  DateTime @default(now()) @map("created_at") @db.Timestamptz(6)
  product    Product  @relation(fields: [productId], references: [id], onDelete: Cascade)
  customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade)

  @@unique([productId, customerId])
  @@index([customerId])
  @@map("reviews")
}
`,
  // prisma/saas.prisma
  saas: `// Multi-tenant SaaS: organizations own everything; every tenant-owned row carries
// organization_id, and uniques and indexes are scoped to the tenant.

generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
}

enum MemberRole {
  OWNER
  ADMIN
  MEMBER
  VIEWER

  @@map("member_role")
}

enum InvitationStatus {
  PENDING
  ACCEPTED
  REVOKED
  EXPIRED

  @@map("invitation_status")
}

enum Plan {
  FREE
  TEAM
  BUSINESS
  ENTERPRISE

  @@map("plan")
}

enum SubscriptionStatus {
  TRIALING
  ACTIVE
  PAST_DUE
  CANCELED

  @@map("subscription_status")
}

/// A tenant: the unit of billing and data isolation.
model Organization {
  id           String        @id @default(uuid()) @db.Uuid
  name         String        @db.VarChar(120)
  /// Used in URLs: app.example.com/<slug>.
  slug         String        @unique @db.VarChar(63)
  createdAt    DateTime      @default(now()) @map("created_at") @db.Timestamptz(6)
  deletedAt    DateTime?     @map("deleted_at") @db.Timestamptz(6)
  memberships  Membership[]
  projects     Project[]
  invitations  Invitation[]
  subscription Subscription?
  invoices     Invoice[]
  apiKeys      ApiKey[]
  auditLogs    AuditLog[]

  @@map("organizations")
}

/// A person; may belong to several organizations.
model User {
  id              String       @id @default(uuid()) @db.Uuid
  email           String       @unique @db.VarChar(320)
  name            String?      @db.VarChar(120)
  emailVerifiedAt DateTime?    @map("email_verified_at") @db.Timestamptz(6)
  createdAt       DateTime     @default(now()) @map("created_at") @db.Timestamptz(6)
  memberships     Membership[]
  invitationsSent Invitation[]
  projects        Project[]
  apiKeys         ApiKey[]
  auditLogs       AuditLog[]

  @@map("users")
}

model Membership {
  organizationId String       @map("organization_id") @db.Uuid
  userId         String       @map("user_id") @db.Uuid
  role           MemberRole   @default(MEMBER)
  joinedAt       DateTime     @default(now()) @map("joined_at") @db.Timestamptz(6)
  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)
  user           User         @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@id([organizationId, userId])
  @@index([userId])
  @@map("memberships")
}

model Project {
  id             String       @id @default(uuid()) @db.Uuid
  organizationId String       @map("organization_id") @db.Uuid
  key            String       @db.VarChar(16)
  name           String       @db.VarChar(120)
  description    String?
  createdById    String?      @map("created_by_id") @db.Uuid
  createdAt      DateTime     @default(now()) @map("created_at") @db.Timestamptz(6)
  archivedAt     DateTime?    @map("archived_at") @db.Timestamptz(6)
  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)
  createdBy      User?        @relation(fields: [createdById], references: [id], onDelete: SetNull)

  @@unique([organizationId, key])
  @@index([organizationId, createdAt(sort: Desc)])
  @@map("projects")
}

model Invitation {
  id             String           @id @default(uuid()) @db.Uuid
  organizationId String           @map("organization_id") @db.Uuid
  email          String           @db.VarChar(320)
  role           MemberRole       @default(MEMBER)
  status         InvitationStatus @default(PENDING)
  /// SHA-256 of the emailed token; the token itself is never stored.
  tokenHash      String           @unique @map("token_hash") @db.Char(64)
  invitedById    String?          @map("invited_by_id") @db.Uuid
  expiresAt      DateTime         @map("expires_at") @db.Timestamptz(6)
  createdAt      DateTime         @default(now()) @map("created_at") @db.Timestamptz(6)
  organization   Organization     @relation(fields: [organizationId], references: [id], onDelete: Cascade)
  invitedBy      User?            @relation(fields: [invitedById], references: [id], onDelete: SetNull)

  @@unique([organizationId, email])
  @@index([organizationId, status])
  @@map("invitations")
}

model Subscription {
  id                    String             @id @default(uuid()) @db.Uuid
  organizationId        String             @unique @map("organization_id") @db.Uuid
  plan                  Plan               @default(FREE)
  status                SubscriptionStatus @default(TRIALING)
  seats                 Int                @default(1)
  /// The billing provider's customer and subscription ids.
  billingCustomerId     String?            @unique @map("billing_customer_id") @db.VarChar(64)
  billingSubscriptionId String?            @unique @map("billing_subscription_id") @db.VarChar(64)
  currentPeriodEnd      DateTime?          @map("current_period_end") @db.Timestamptz(6)
  cancelAtPeriodEnd     Boolean            @default(false) @map("cancel_at_period_end")
  organization          Organization       @relation(fields: [organizationId], references: [id], onDelete: Cascade)

  @@index([status, currentPeriodEnd])
  @@map("subscriptions")
}

model Invoice {
  id             String       @id @default(uuid()) @db.Uuid
  organizationId String       @map("organization_id") @db.Uuid
  /// Sequential per organization.
  number         Int
  amountCents    Int          @map("amount_cents")
  currency       String       @default("USD") @db.Char(3)
  issuedAt       DateTime     @default(now()) @map("issued_at") @db.Timestamptz(6)
  paidAt         DateTime?    @map("paid_at") @db.Timestamptz(6)
  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Restrict)

  @@unique([organizationId, number])
  @@index([organizationId, issuedAt(sort: Desc)])
  @@map("invoices")
}

model ApiKey {
  id             String       @id @default(uuid()) @db.Uuid
  organizationId String       @map("organization_id") @db.Uuid
  name           String       @db.VarChar(80)
  /// First characters of the key, shown in the UI to tell keys apart.
  prefix         String       @db.VarChar(12)
  keyHash        String       @unique @map("key_hash") @db.Char(64)
  scopes         String[]     @default([])
  createdById    String?      @map("created_by_id") @db.Uuid
  lastUsedAt     DateTime?    @map("last_used_at") @db.Timestamptz(6)
  expiresAt      DateTime?    @map("expires_at") @db.Timestamptz(6)
  revokedAt      DateTime?    @map("revoked_at") @db.Timestamptz(6)
  createdAt      DateTime     @default(now()) @map("created_at") @db.Timestamptz(6)
  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)
  createdBy      User?        @relation(fields: [createdById], references: [id], onDelete: SetNull)

  @@unique([organizationId, name])
  @@index([organizationId, prefix])
  @@map("api_keys")
}

/// Append-only record of who did what in a tenant.
model AuditLog {
  id             BigInt       @id @default(autoincrement())
  organizationId String       @map("organization_id") @db.Uuid
  actorId        String?      @map("actor_id") @db.Uuid
  action         String       @db.VarChar(80)
  targetType     String?      @map("target_type") @db.VarChar(40)
  targetId       String?      @map("target_id") @db.VarChar(64)
  metadata       Json         @default("{}")
  ip             String?      @db.Inet
  createdAt      DateTime     @default(now()) @map("created_at") @db.Timestamptz(6)
  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)
  actor          User?        @relation(fields: [actorId], references: [id], onDelete: SetNull)

  @@index([organizationId, createdAt(sort: Desc)])
  @@index([organizationId, targetType, targetId])
  @@index([actorId])
  @@map("audit_logs")
}
`,
};
