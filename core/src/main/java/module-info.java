/**
 * Tenantry's shared kernel: tenant and typed ids, data locations, audit records and the audit port,
 * the error hierarchy, validation results and paging. Every other Tenantry module builds on it.
 */
module io.tenantry.core {
  exports io.tenantry.core;
  exports io.tenantry.core.audit;
  exports io.tenantry.core.error;
  exports io.tenantry.core.validation;
  exports io.tenantry.core.spi;
  exports io.tenantry.core.yaml;

  requires org.snakeyaml.engine.v2;
}
