"""CNN Playground: build, train and explain convolutional neural networks with the mouse, offline."""

__version__ = "0.1.0"
