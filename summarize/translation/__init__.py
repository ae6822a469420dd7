"""Translation: the Translator (pieces that fit, sorted batches, the repetition guard) over one
of two backends (base.py says what a backend is; torch_backend.py, ct2_backend.py), models
located by hub.py, and the stages that fill in the translations and the parties' names."""
