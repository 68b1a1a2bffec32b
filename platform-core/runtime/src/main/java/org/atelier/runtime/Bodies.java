package org.atelier.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies read with a limit, for every resource that takes one. */
public final class Bodies {

    private Bodies() {
    }

    /**
     * Reads a body, refusing it as soon as it passes the limit (a chunked body has no Content-Length to check first).
     *
     * @param in the body
     * @param limit the most bytes accepted
     * @return the bytes
     * @throws InputTooLargeException once more than {@code limit} bytes arrived
     * @throws IOException when reading fails
     */
    public static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new InputTooLargeException(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
