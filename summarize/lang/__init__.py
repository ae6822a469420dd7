"""Language resources the stages share: tokens, quotations, data files, parties, loaded terms.

Nothing here is a stage; everything here is used by more than one of them.
"""
