package io.tenantry.datastore;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where {@link EncryptedStore#exportTenant} writes each exported object. The store opens one
 * stream per object, writes the authenticated content and closes it; if the object cannot be read
 * completely, the store calls {@link #discard} instead of relying on the stream's content.
 */
public interface ExportSink {

  /**
   * Opens the stream for one object.
   *
   * @param object the object about to be written
   * @return a stream the store writes to and closes
   * @throws IOException if the sink cannot take the object
   */
  OutputStream open(ObjectInfo object) throws IOException;

  /**
   * Tells the sink that the object's stream, already closed, holds no valid content.
   *
   * @param object the object that failed
   * @throws IOException if the sink cannot clean up
   */
  default void discard(ObjectInfo object) throws IOException {}
}
