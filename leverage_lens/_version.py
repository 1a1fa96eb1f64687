"""The package version, in one place that every module may read without importing the package root."""

__version__ = "0.1.0"
