"""Output formats: JSON (the stable contract), tables (pandas), markdown."""
