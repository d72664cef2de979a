"""Actor resolution: find every actor and place in a document and code it as of its date.

The spaCy stage ``detente_actors`` (:mod:`detente.actors.component`) writes
``doc._.mentions`` / ``doc._.actors`` / ``doc._.places``. Its parts:

- :mod:`~detente.actors.matching` -- the KB's surface forms, indexed once, found in a Doc;
- :mod:`~detente.actors.phrases` -- names (KB matches merged with NER entities), role
  phrases around agent words ("the Japanese leader", "Japanese officials", titles), pronouns;
- :mod:`~detente.actors.coref` -- what the document said before: surnames, acronyms,
  persons with their titles, unnamed officials;
- :mod:`~detente.actors.coding` -- dated CAMEO codes, states joined with agents;
- the word lists are the knowledge layer's (:class:`detente.knowledge.actors.ActorLexicon`:
  ``data/actors/`` and the shared English words of ``data/english/``).

Rules, in the order a name is tried: a defined acronym; the surname of a person named
earlier (alias); an ambiguous name's context cues (Georgia the US state); the KB (seats of
government first, then actors, places, state words); else the NER label (resolved_by "ner").
"""
