package org.atelier.runtime.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.atelier.api.labels.AigcLabel;
import org.atelier.api.labels.LiveLabels;
import org.atelier.runtime.internal.labels.Labels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** Labels for streamed content, with the ContentProducer the runtime is configured with. */
@Component(service = LiveLabels.class, configurationPid = RuntimeConfig.PID)
public final class LiveLabelsImpl implements LiveLabels {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Labels LABELS = new Labels();
    private volatile String producer;

    @Activate
    public LiveLabelsImpl(RuntimeConfig config) {
        modified(config);
    }

    @Modified
    void modified(RuntimeConfig config) {
        this.producer = config.aigcContentProducer();
    }

    @Override
    public AigcLabel newLabel(String generator) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new AigcLabel(AigcLabel.GENERATED, producer, "s" + HexFormat.of().formatHex(b), generator, "", "", "");
    }

    @Override
    public byte[] wavStreamHeader(int sampleRate, AigcLabel label) {
        return Labels.wavStreamHeader(sampleRate, label);
    }

    @Override
    public byte[] labelWav(byte[] wav, AigcLabel label, boolean explicit) {
        try {
            return LABELS.write("audio/wav", wav, label, explicit);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a WAV file the platform can label: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] audioCue(int sampleRate) {
        return Labels.wavCue(sampleRate);
    }

    @Override
    public String labelJson(AigcLabel label) {
        return Labels.labelJson(label);
    }

    @Override
    public String explicitText() {
        return Labels.explicitText();
    }

    @Override
    public String textStreamHeader(AigcLabel label, boolean explicit) {
        return Labels.textStreamHeader(label, explicit);
    }

    @Override
    public String sseLabelEvent(AigcLabel label, boolean explicit) {
        return Labels.sseLabelEvent(label, explicit);
    }
}
