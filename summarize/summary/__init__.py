"""The summary: the rules summary (rules.py, worded by wording.py) and the verified LLM summary
(llm.py, checked by verify.py, prompted by prompts.py); stage.py puts them in the pipeline."""
