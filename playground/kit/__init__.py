"""The classroom kit (`cnn-playground kit build DIR`) and the before-class check (`cnn-playground doctor`).

A kit is a folder a teacher fills once, with internet, and copies to classroom PCs that have none:
the app's wheel and every dependency's wheels for the chosen platforms and Pythons, the pretrained
weights and datasets found on the teacher's machine, the examples, the teacher's guide to print,
install scripts and a manifest of every file's size and SHA-256 that the install checks first.

Nothing here imports Qt: the command line and the window pass in what needs it (the guide's PDF,
the Hangul glyph check).
"""
