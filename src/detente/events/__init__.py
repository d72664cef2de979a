"""Events: code who did what to whom (CAMEO/PLOVER) from the parse, the lexicon and actors."""
