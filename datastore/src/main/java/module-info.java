/**
 * Tenantry's encrypted, replicated, geo-placed store: envelope encryption with Tink (a fresh
 * AES-256-GCM key per chunk, wrapped by per-tenant keys), quorum writes over N replicas per geo,
 * verified reads with repair, key rotation, crypto-shredding and an audit of every access.
 */
module io.tenantry.datastore {
  requires transitive io.tenantry.core;
  requires com.google.crypto.tink;
  requires com.github.benmanes.caffeine;
  requires com.fasterxml.jackson.databind;

  exports io.tenantry.datastore;
  exports io.tenantry.datastore.spi;
}
