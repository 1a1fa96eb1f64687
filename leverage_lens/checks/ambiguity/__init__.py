"""Drafting-defect (ambiguity) checks: each a registered rule of kind ``"ambiguity"``.

One module per group -- :mod:`.defined_terms`, :mod:`.cross_references`, :mod:`.numbers`, :mod:`.dates`,
:mod:`.standards`, :mod:`.actors`, :mod:`.leftovers`, :mod:`.numbering` -- all listed in
:data:`leverage_lens.checks.registry.BUILTIN_MODULES`. Every finding has ``kind="ambiguity"``, a
``category`` of the ``drafting`` family and a ``suggestion`` saying how to fix it.
"""

MODULES: tuple[str, ...] = tuple(
    f"leverage_lens.checks.ambiguity.{m}"
    for m in ("defined_terms", "cross_references", "numbers", "dates", "standards", "actors", "leftovers", "numbering")
)
