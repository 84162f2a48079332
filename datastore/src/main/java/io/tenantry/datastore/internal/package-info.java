/**
 * The store's engine: chunking, envelope encryption and associated data, blob formats, quorum
 * writes with rollback, verified reads with repair, and the scrubber. Not exported.
 */
package io.tenantry.datastore.internal;
