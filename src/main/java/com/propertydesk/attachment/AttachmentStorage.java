package com.propertydesk.attachment;

import java.io.IOException;
import java.io.InputStream;

/** Where attachment files live: the filesystem by default, an object store behind the same four operations. */
public interface AttachmentStorage {

    /** A file that was stored: its key, size and SHA-256 checksum (hex). */
    record Stored(String key, long size, String sha256) {
    }

    /**
     * Stores the content under a new key. Either the whole content is stored, or nothing is: a failure in the
     * middle of the write (a broken upload, a full disk) leaves no partial file behind.
     *
     * @throws TooLargeException when the content exceeds maxBytes (nothing is kept)
     */
    Stored store(InputStream content, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key);

    /** The content exceeded the size limit while it was being stored. */
    class TooLargeException extends IOException {

        public TooLargeException(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }
}
