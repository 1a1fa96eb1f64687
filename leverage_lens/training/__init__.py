"""Training code: fitting the clause tagger and the CLAUDETTE classifier from ``../shared/data``.

Never imported by the runtime (``load`` ... ``report``, ``api``, ``batch``): only the command line
(``leverage-lens train ...``, ``leverage-lens eval ...``) and :mod:`leverage_lens.evaluate` reach it, so the
library a user installs applies shipped models and never needs scikit-learn. A structure test
(``tests/test_structure.py``) keeps it so.

* :mod:`.tagger` -- ``leverage-lens train tagger``: the clause tagger in ``models/leverage_lens_tagger``;
* :mod:`.tag_fit`, :mod:`.tag_selection` -- the tagger's weights, thresholds and contract-level rule;
* :mod:`.claudette` -- ``leverage-lens eval claudette``: the CLAUDETTE unfair-term classifier.
"""
