"""The pages of the main window, one module or folder each."""
