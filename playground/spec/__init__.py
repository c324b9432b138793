"""What the user designs: layers, network shapes, settings and the project file. No torch, no Qt."""
