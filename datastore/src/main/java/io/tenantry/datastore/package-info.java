/**
 * Encrypted, replicated, geo-placed storage: envelope encryption with per-chunk keys under per-tenant keys, rotation and crypto-shredding; N replicas with quorum writes, verified reads and repair; multi-geo placement and geo moves; an audit of every access.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.datastore;
