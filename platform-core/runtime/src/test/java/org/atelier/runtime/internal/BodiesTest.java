package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.atelier.runtime.Bodies;
import org.atelier.runtime.InputTooLargeException;
import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        assertThat(Bodies.readAtMost(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
    }

    @Test
    void stopsReadingAsSoonAsTheBodyPassesTheLimit() {
        // an endless body, as a chunked upload without Content-Length may be
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThatThrownBy(() -> Bodies.readAtMost(endless, 1 << 20))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessage("request body is larger than the limit of 1048576 bytes");
    }
}
