"""Packaging shim: everything is declared in pyproject.toml except one mapping pyproject cannot express.

The trained pipelines live in the repository's top-level ``models/`` folder (where the training command
writes them and where reviewers expect them); they are shipped inside the package as
``leverage_lens.models`` so that ``pip install`` gives a working tagger offline.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["leverage_lens", "leverage_lens.*"]), "leverage_lens.models"],
    package_dir={"leverage_lens.models": "models"},
    package_data={"leverage_lens": ["py.typed", "data/*"], "leverage_lens.playbook": ["data/*"],
                  "leverage_lens.models": ["*", "**/*"]},
    include_package_data=False,
)
