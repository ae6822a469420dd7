"""The evaluator: the pipeline run on annotated articles and scored (see README, "Evaluation").

matching.py decides which annotated party a predicted claim names, and whether the outlet is
right; scores.py scores an article; run.py runs a folder of them.
"""
