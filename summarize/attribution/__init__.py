"""Who said what: each body sentence's voice, party, cue and kind, from rules and data files.

Arabic sentences are read in Arabic (more regular than machine output; arabic.py), English input
in English (english.py); both share the discourse (discourse.py: parties met so far, who spoke
last) and the cues (cues.py, from data/reporting.yaml). engine.py runs them over a document;
outlet.py names the outlet; claims.py turns the findings into claims.
"""
