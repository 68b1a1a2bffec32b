package org.atelier.inference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of inference, PID {@code org.atelier.inference} ({@code etc/org.atelier.inference.cfg}). */
@ObjectClassDefinition(name = "Atelier inference", description = "Model repository, batching and threads")
public @interface InferenceConfig {

    String PID = "org.atelier.inference";

    @AttributeDefinition(description = "Watched model directory: one folder per model with model.onnx, tokenizer.json "
            + "and model.json; empty for ${karaf.data}/atelier/models")
    String modelsDir() default "";

    @AttributeDefinition(description = "Seconds between scans of the model directory")
    int scanIntervalSeconds() default 2;

    @AttributeDefinition(description = "Seconds a loaded model with no open handle stays loaded without use; 0 keeps it")
    int idleUnloadSeconds() default 900;

    @AttributeDefinition(description = "Most texts merged into one ONNX Runtime call")
    int maxBatchSize() default 32;

    @AttributeDefinition(description = "Longest a text waits for others to join its batch, in milliseconds; 0 takes "
            + "what is waiting (batches fill while the workers are busy)")
    int maxBatchDelayMs() default 0;

    @AttributeDefinition(description = "Texts of about equal length run together in one ONNX Runtime call (a batch is "
            + "ordered by length and cut into calls of this size, so little compute goes to padding)")
    int subBatchSize() default 4;

    @AttributeDefinition(description = "Batches of one model that run at once; 0 = number of cores")
    int batchWorkers() default 0;

    @AttributeDefinition(description = "Texts that may wait per model; beyond it callers get 429")
    int queueSize() default 2048;

    @AttributeDefinition(description = "Most texts in one request")
    int maxInputs() default 256;

    @AttributeDefinition(description = "Longest text in characters; longer texts are refused (tokens past the model's "
            + "maximum are truncated and flagged)")
    int maxTextChars() default 20_000;

    @AttributeDefinition(description = "ONNX Runtime threads inside one operator (intra-op) per batch worker; 0 = number "
            + "of cores divided by batch workers")
    int intraOpThreads() default 0;

    @AttributeDefinition(description = "ONNX Runtime threads across operators (inter-op)")
    int interOpThreads() default 1;
}
