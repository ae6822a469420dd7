"""Who said what: each body sentence's voice, party, cue and kind, by the constructions of
../shared/ATTRIBUTION.md.

Arabic sentences are read in Arabic (arabic.py, with its speaker spans in arabic_spans.py and
its cues, produced from lemmas by morphology.py, in lexicon_ar.py); English input in English
(english.py, lexicon_en.py). Both share the discourse (discourse.py: the parties met so far, who
spoke last, who issued which document). engine.py runs them over a document; outlet.py names the
outlet; claims.py turns the findings into claims; stage.py puts them in the pipeline.
"""
