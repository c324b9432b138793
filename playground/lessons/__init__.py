"""Teaching content and the step-by-step convolution/pooling tracer. Pure Python."""
