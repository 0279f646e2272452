"""Normalisers: numbers, dates and entity names into canonical values."""
