"""nkcheck: find numeric claims in news articles and flag where sources disagree."""

__version__ = "0.1.0"
