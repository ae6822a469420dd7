"""Folder mode: every article translated once, atomically, resumable, failing per file, on one
of two engines: this process (local.py) or Ray (ray.py); plan.py is what they share."""
